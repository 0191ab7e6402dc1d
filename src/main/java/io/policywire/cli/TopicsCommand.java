package io.policywire.cli;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.TopicApplier;
import io.policywire.kafka.TopicChange;
import io.policywire.kafka.TopicSpec;
import io.policywire.kafka.TopicSpecs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policywire topics apply}: make a cluster's topics match {@code topics/}. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Manage the topics of the contract.",
    subcommands = TopicsCommand.Apply.class)
public final class TopicsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = {"Create missing topics and align partitions and configs with their "
          + "definitions, idempotently.",
          "Destructive changes (another cleanup.policy, shorter retention) are reported and "
              + "skipped unless --allow-destructive; fewer partitions or another replication "
              + "factor are only reported.",
          "Exit code: 0 the cluster matches, 1 changes were left undone, 2 error."})
  static final class Apply implements Callable<Integer> {

    @Mixin ConfigOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--topics-dir", paramLabel = "DIR",
        description = "Read definitions from DIR (default: the ones in the jar, from topics/).")
    Path topicsDir;

    @Option(names = "--replication-factor", paramLabel = "N",
        description = "Override the replication factor of every topic, for small clusters "
            + "(min.insync.replicas is capped to it).")
    Integer replicationFactor;

    @Option(names = "--dry-run", description = "Print what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--allow-destructive",
        description = "Also apply config changes that can lose data.")
    boolean allowDestructive;

    @Override
    public Integer call() {
      PolicywireConfig config = options.load();
      List<TopicSpec> specs = topicsDir == null
          ? TopicSpecs.fromClasspath(config.topics())
          : TopicSpecs.fromDirectory(topicsDir, config.topics());
      if (replicationFactor != null) {
        specs = specs.stream().map(s -> s.withReplicationFactor(replicationFactor)).toList();
      }
      PrintWriter out = spec.commandLine().getOut();
      try (Admin admin = TopicApplier.admin(config)) {
        List<TopicChange> changes = new TopicApplier(admin).apply(specs, dryRun, allowDestructive);
        changes.forEach(out::println);
        long undone = changes.stream().filter(TopicChange::leftUndone).count();
        out.printf("%d topic(s) checked on %s: %d difference(s)%s, %d left undone%n",
            specs.size(), config.bootstrapServers(), changes.size(),
            dryRun ? " (dry run: nothing changed)" : "", undone);
        out.flush();
        return undone == 0 ? 0 : 1;
      } catch (IllegalStateException e) {
        spec.commandLine().getErr().println("policywire topics apply: " + e.getMessage());
        return 2;
      }
    }
  }
}
