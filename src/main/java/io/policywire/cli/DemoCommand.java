package io.policywire.cli;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.config.TopicNames;
import io.policywire.ingest.ArticlePublisher;
import io.policywire.ingest.ArticleReader;
import io.policywire.ingest.ConsoleListener;
import io.policywire.ingest.Manifest;
import io.policywire.ingest.PublishStats;
import io.policywire.kafka.ArticleTracker;
import io.policywire.kafka.EmbeddedKafkaBroker;
import io.policywire.kafka.TopicApplier;
import io.policywire.kafka.TopicDumper;
import io.policywire.kafka.TopicSpec;
import io.policywire.kafka.TopicSpecs;
import io.policywire.pipeline.PipelineRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code policywire demo}: broker, topics, pipeline and publishing in one process. With no
 * input it publishes the sample articles shipped in the jar.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run everything in one process: an embedded broker, the topics, the pipeline "
        + "and its HTTP server, then publish articles (our samples unless --input is given).",
        "Exit code with --until-idle: 0 every article enriched, 1 some were dead-lettered or "
            + "could not be read, 3 timed out."})
public final class DemoCommand implements Callable<Integer> {

  static final String DEMO_GRACE = "400d";

  private static final String SAMPLES = "/demo/samples/";

  @Option(names = "--input", arity = "1..*", paramLabel = "PATH",
      description = "Publish these files or directories instead of the samples.")
  List<Path> inputs;

  @Option(names = "--until-idle",
      description = "Exit once every published article has come out of the pipeline.")
  boolean untilIdle;

  @Option(names = "--dump", paramLabel = "DIR",
      description = "Once idle, write each output topic to DIR/<topic>.jsonl "
          + "(latest value per key for compacted topics).")
  Path dumpDir;

  @Option(names = "--port", defaultValue = "9092", paramLabel = "PORT",
      description = "Broker port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int brokerPort;

  @Option(names = "--http-port", defaultValue = "8080", paramLabel = "PORT",
      description = "HTTP port of the dashboard, query API, health and metrics "
          + "(default: ${DEFAULT-VALUE}; 0 picks one).")
  int httpPort;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Keep broker data and pipeline state here (default: temporary, deleted).")
  Path dataDir;

  @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
      description = "How long to wait for the pipeline to become idle (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Spec CommandSpec spec;
  private PrintWriter console;

  @Override
  public Integer call() throws Exception {
    console = spec.commandLine().getErr();
    Path work = dataDir != null ? dataDir : Files.createTempDirectory("policywire-demo-");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(brokerPort,
        dataDir == null ? null : dataDir.resolve("broker"));
    PolicywireConfig config = ConfigLoader.defaults(demoEnvironment(System.getenv()))
        .withBootstrapServers(broker.bootstrapServers())
        .withStateDir(work.resolve("state"))
        .withHttpPort(httpPort);
    PipelineRunner runner;
    try {
      TopicApplier.applyForSingleBroker(config);
      runner = PipelineRunner.start(config, true);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runner.close();
      broker.close();
      if (dataDir == null) {
        deleteQuietly(work);
      }
    }, "policywire-demo-stop"));
    Published published = publish(config, inputs != null ? inputs : List.of(samples(work)));
    printWhereToLook(config, runner);
    if (!untilIdle && dumpDir == null) {
      return runner.awaitStop() ? 1 : 0;
    }
    int code = awaitIdle(config, published);
    if (dumpDir != null) {
      dump(config);
    }
    return untilIdle ? code : (runner.awaitStop() ? 1 : 0);
  }

  /** Reads and publishes, remembering every id sent so --until-idle knows what to wait for. */
  /**
   * The environment with the demo's own defaults under it. The demo replays articles published
   * months apart, in whatever order the partitions deliver them; with the pipeline's 2 days of
   * grace, an article arriving after one published months later is past the de-duplication
   * window and its copies go unnoticed. A year of grace covers any replay; the state it keeps is
   * small for a demo.
   */
  static Map<String, String> demoEnvironment(Map<String, String> env) {
    Map<String, String> withDefaults = new HashMap<>(env);
    withDefaults.putIfAbsent("POLICYWIRE_DEDUPE_GRACE", DEMO_GRACE);
    return withDefaults;
  }

  private Published publish(PolicywireConfig config, List<Path> paths) throws IOException {
    ConsoleListener listener = new ConsoleListener(console, false, false);
    Set<String> ids = new LinkedHashSet<>();
    try (ArticlePublisher publisher = new ArticlePublisher(config, listener)) {
      publisher.connect();
      new ArticleReader().read(paths.stream().map(Path::toString).toList(), System.in,
          publisher.peek(article -> ids.add(article.id())));
      PublishStats stats = publisher.finish();
      listener.summary(stats, publisher.topic());
      return new Published(ids, stats);
    }
  }

  private record Published(Set<String> ids, PublishStats stats) {}

  private int awaitIdle(PolicywireConfig config, Published published) {
    console.printf("waiting for %d article(s) to come out of the pipeline…%n",
        published.ids().size());
    ArticleTracker.Outcome outcome = new ArticleTracker(config.bootstrapServers(), config.kafka())
        .await(published.ids(), config.topics().enriched(), config.topics().dlq(),
            Duration.ofSeconds(timeoutSeconds));
    console.printf("idle: %d enriched, %d dead-lettered, %d missing%n", outcome.enriched().size(),
        outcome.deadLettered().size(), outcome.missing().size());
    outcome.deadLettered().forEach(id -> console.println("  dead-lettered: " + id));
    if (!outcome.complete()) {
      console.printf("timed out after %d s; still missing: %s%n", timeoutSeconds,
          outcome.missing());
      return 3;
    }
    return outcome.deadLettered().isEmpty() && published.stats().clean() ? 0 : 1;
  }

  private void dump(PolicywireConfig config) throws IOException {
    TopicDumper dumper = new TopicDumper(config.bootstrapServers(), config.kafka());
    for (TopicSpec spec : TopicSpecs.fromClasspath(config.topics())) {
      if (spec.name().equals(config.topics().raw())) {
        continue;
      }
      Path file = dumpDir.resolve(spec.name() + ".jsonl");
      int lines = dumper.dump(spec.name(), spec.compacted(), file, Duration.ofSeconds(60));
      console.printf("wrote %d record(s) to %s%n", lines, file);
    }
  }

  private void printWhereToLook(PolicywireConfig config, PipelineRunner runner) {
    String http = "http://" + config.httpHost() + ":" + runner.httpPort();
    TopicNames t = config.topics();
    console.printf("%npolicywire demo is running.%n"
        + "  Kafka:     %s (topics %s, %s, %s, …)%n"
        + "  dashboard: %s/   API: %s/api/stories, /api/entities/top, /api/actions%n"
        + "  health:    %s/health/ready   metrics: %s/metrics%n"
        + "  read it:   kcat -b %s -C -t %s -e%n"
        + "  publish:   java -jar target/policywire.jar produce PATH…%n%n",
        config.bootstrapServers(), t.raw(), t.enriched(), t.stories(), http, http, http, http,
        config.bootstrapServers(), t.enriched());
  }

  private static void deleteQuietly(Path dir) {
    try {
      Utils.delete(dir.toFile());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }

  /** Copies the sample articles out of the jar so the ordinary file readers can read them. */
  private static Path samples(Path work) throws IOException {
    Path dir = work.resolve("samples");
    Files.createDirectories(dir);
    // the manifest lists every sample (a jar cannot be listed like a directory); samples are flat
    copy(Manifest.FILE_NAME, dir);
    Manifest manifest = Manifest.load(dir.resolve(Manifest.FILE_NAME));
    for (Path sample : manifest.entries().keySet()) {
      copy(sample.getFileName().toString(), dir);
    }
    return dir;
  }

  private static void copy(String name, Path dir) throws IOException {
    try (var in = DemoCommand.class.getResourceAsStream(SAMPLES + name)) {
      if (in == null) {
        throw new IllegalStateException("sample " + name + " missing from the jar");
      }
      Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
