package io.policywire.cli;

import io.policywire.config.PolicywireConfig;
import io.policywire.ingest.feed.Durations;
import io.policywire.kafka.TopicApplier;
import io.policywire.pipeline.Reprocessor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code policywire reprocess --since TIME}: re-enrich stored raw articles in place. */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
    description = {"Re-enrich the raw articles stored since TIME after an upgrade of the code or "
        + "the knowledge base: the compacted topics are updated in place under the same keys, "
        + "and only records whose content changed are written.",
        "Stop the pipeline first (reprocess runs it itself until caught up, then exits). Safe to "
        + "interrupt and run again with the same --since.",
        "Exit codes: 0 done, 1 timed out before catching up, 2 error (e.g. the pipeline is "
        + "running)."})
public final class ReprocessCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Option(names = "--since", required = true, paramLabel = "TIME",
      description = "Re-read raw records from this time: an ISO-8601 instant "
          + "(2026-11-01T00:00:00Z), a date (2026-11-01, UTC), or a duration ago (7d, 12h).")
  String since;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1h",
      description = "Give up when not caught up after this long (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--dry-run", description = "Print how many raw records would be re-read.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PolicywireConfig config = options.load();
    Instant from = parseSince(since, Instant.now());
    try (Admin admin = TopicApplier.admin(config)) {
      Reprocessor reprocessor = new Reprocessor(config, admin);
      Reprocessor.Plan plan;
      try {
        plan = reprocessor.plan(from);
      } catch (Reprocessor.GroupActiveException e) {
        System.err.println("reprocess: " + e.getMessage());
        return 2;
      }
      System.err.printf("reprocess: %,d raw records since %s in %s, application %s%n",
          plan.records(), from, config.topics().raw(), config.applicationId());
      if (dryRun) {
        return 0;
      }
      reprocessor.rewind(plan);
      Reprocessor.Result result = reprocessor.run(plan, Durations.parse(timeout), System.err);
      System.err.printf("reprocess: %s; %,d raw records re-read, %,d output records written "
              + "(changed), %,d unchanged and not written%n",
          result.complete() ? "done" : "timed out before catching up (run it again)",
          result.reread(), result.written(), result.unchanged());
      return result.complete() ? 0 : 1;
    }
  }

  static Instant parseSince(String text, Instant now) {
    String t = text.strip();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        try {
          Duration ago = Durations.parse(t);
          return now.minus(ago);
        } catch (IllegalArgumentException notDuration) {
          throw new picocli.CommandLine.ParameterException(
              new picocli.CommandLine(new ReprocessCommand()), "--since '" + text
                  + "' is not an instant (2026-11-01T00:00:00Z), a date (2026-11-01) or a "
                  + "duration ago (7d)");
        }
      }
    }
  }
}
