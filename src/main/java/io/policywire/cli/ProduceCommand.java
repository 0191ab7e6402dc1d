package io.policywire.cli;

import io.policywire.config.ConfigException;
import io.policywire.config.PolicywireConfig;
import io.policywire.ingest.ArticlePublisher;
import io.policywire.ingest.ArticleReader;
import io.policywire.ingest.BrokerUnavailableException;
import io.policywire.ingest.ConsoleListener;
import io.policywire.ingest.PublishStats;
import io.policywire.ingest.ReaderOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policywire produce PATH… | -}: reads articles with {@link ArticleReader} and publishes
 * them with {@link ArticlePublisher} to the raw topic. The reading and the publishing live in
 * {@code ingest/}; this class only maps options to them and outcomes to exit codes.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = {
        "Publish articles to the raw topic (key = article id).",
        "Reads .txt (first non-blank line the headline), .html/.htm, .json (one article), "
            + ".jsonl (one per line), directories recursively, and - for JSON lines on stdin. "
            + "A manifest.json in an input directory or its parent gives source and publishedAt."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every input was published",
        "1:some inputs were skipped or failed (each named on stderr)",
        "2:usage error, bad configuration or manifest, or Kafka unreachable"})
public final class ProduceCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int SOME_FAILED = 1;
  static final int UNUSABLE = 2;

  @Mixin ConfigOptions configOptions;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Files or directories to publish, or - to read JSON lines from stdin.")
  List<String> inputs;

  @Option(names = "--manifest", paramLabel = "FILE",
      description = "Metadata for the inputs (source, publishedAt per relative path); "
          + "default: manifest.json in each input's directory or its parent.")
  Path manifest;

  @Option(names = {"-q", "--quiet"}, description = "No progress or summary; problems only.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"},
      description = "Also name each file skipped for its extension.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      ArticleReader reader = new ArticleReader(ReaderOptions.defaults().withManifest(manifest));
      return publish(configOptions.load(), reader, err);
    } catch (IOException e) {
      return fail(err, "cannot use manifest: " + e.getMessage());
    } catch (ConfigException e) {
      return fail(err, "configuration error: " + e.getMessage());
    } catch (BrokerUnavailableException | KafkaException e) {
      return fail(err, e.getMessage());
    }
  }

  private int publish(PolicywireConfig config, ArticleReader reader, PrintWriter err) {
    ConsoleListener listener = new ConsoleListener(err, quiet, verbose);
    try (ArticlePublisher publisher = new ArticlePublisher(config, listener)) {
      PublishStats stats = publisher.publishAll(reader, inputs, System.in);
      listener.summary(stats, publisher.topic());
      return stats.clean() ? OK : SOME_FAILED;
    }
  }

  private static int fail(PrintWriter err, String message) {
    err.println("policywire produce: " + message);
    err.flush();
    return UNUSABLE;
  }
}
