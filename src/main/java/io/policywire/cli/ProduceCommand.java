package io.policywire.cli;

import io.policywire.config.ConfigException;
import io.policywire.config.PolicywireConfig;
import io.policywire.ingest.ArticlePublisher;
import io.policywire.ingest.ArticleReader;
import io.policywire.ingest.BrokerUnavailableException;
import io.policywire.ingest.ConsoleListener;
import io.policywire.ingest.PublishStats;
import io.policywire.ingest.ReaderOptions;
import io.policywire.ingest.feed.Durations;
import io.policywire.ingest.feed.FeedIngester;
import io.policywire.ingest.feed.FeedList;
import io.policywire.ingest.feed.FeedOutcome;
import io.policywire.ingest.feed.FeedRunner;
import io.policywire.ingest.feed.FeedStateStore;
import io.policywire.ingest.feed.FeedSummary;
import io.policywire.ingest.feed.FetchOptions;
import io.policywire.ingest.feed.PoliteFetcher;
import io.policywire.ingest.feed.PublisherFeedSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policywire produce PATH… | -}: reads articles with {@link ArticleReader} and publishes
 * them with {@link ArticlePublisher} to the raw topic. {@code produce --feed URL…} polls RSS and
 * Atom feeds instead, with {@code ingest/feed/}. The reading and the publishing live in
 * {@code ingest/}; this class only maps options to them and outcomes to exit codes.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = {
        "Publish articles to the raw topic (key = article id).",
        "Reads .txt (first non-blank line the headline), .html/.htm, .json (one article), "
            + ".jsonl (one per line), directories recursively, and - for JSON lines on stdin. "
            + "A manifest.json in an input directory or its parent gives source and publishedAt.",
        "With --feed or --feeds: fetch RSS/Atom feeds and publish each new item's page as "
            + "text/html, remembering what was published in --state-dir; --poll keeps watching "
            + "until Ctrl-C or SIGTERM."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every input was published",
        "1:some inputs, feeds or feed items were skipped or failed (each named on stderr)",
        "2:usage error, bad configuration or manifest, or Kafka unreachable"})
public final class ProduceCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int SOME_FAILED = 1;
  static final int UNUSABLE = 2;

  @Mixin ConfigOptions configOptions;

  @Spec CommandSpec spec;

  /** How long a SIGTERM waits for the current item to finish before interrupting it. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Files or directories to publish, or - to read JSON lines from stdin.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--feed", arity = "1..*", paramLabel = "URL",
      description = "RSS or Atom feed URLs to ingest (instead of PATHs).")
  List<String> feedUrls = new ArrayList<>();

  @Option(names = "--feeds", paramLabel = "FILE",
      description = "A file of feed URLs, one per line; # starts a comment.")
  Path feedsFile;

  @Option(names = "--poll", paramLabel = "INTERVAL", converter = DurationConverter.class,
      description = "Poll the feeds again every INTERVAL (e.g. 5m, 30s, PT1H) until stopped; "
          + "default: once.")
  Duration poll;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Where each feed's state (validators, items published) is kept; "
          + "default: <state.dir>/feeds.")
  Path stateDir;

  @Option(names = "--user-agent", paramLabel = "TEXT",
      description = "User-Agent of every feed request (default: policywire/VERSION (news feed "
          + "reader)); add a contact, e.g. \"policywire/0.1 (+mailto:ops@example.org)\". "
          + "Its first word is the robots.txt token.")
  String userAgent;

  @Option(names = "--host-interval", paramLabel = "DURATION", converter = DurationConverter.class,
      defaultValue = "1s",
      description = "Least time between two requests to one host (default: ${DEFAULT-VALUE}); "
          + "a longer robots.txt Crawl-delay wins, up to 60s.")
  Duration hostInterval;

  @Option(names = "--connect-timeout", paramLabel = "DURATION",
      converter = DurationConverter.class, defaultValue = "10s",
      description = "Connect timeout (default: ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @Option(names = "--read-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      defaultValue = "30s",
      description = "Time for a whole response, headers and body (default: ${DEFAULT-VALUE}).")
  Duration readTimeout;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
      description = "Retries after a 5xx, 408, 429, timeout or connection failure, with "
          + "exponential backoff; Retry-After is honoured (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--retry-backoff", paramLabel = "DURATION",
      converter = DurationConverter.class, defaultValue = "1s",
      description = "Wait before the first retry, doubled each time up to 60s "
          + "(default: ${DEFAULT-VALUE}).")
  Duration retryBackoff;

  @Option(names = "--max-feed-bytes", paramLabel = "BYTES", defaultValue = "10485760",
      description = "Largest feed document read (default: ${DEFAULT-VALUE}).")
  long maxFeedBytes;

  @Option(names = "--max-page-bytes", paramLabel = "BYTES",
      description = "Largest article page read; larger ones are skipped "
          + "(default: max.article.bytes, 1 MiB).")
  Long maxPageBytes;

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
    if (feedsFile != null || !feedUrls.isEmpty()) {
      return callFeeds(err);
    }
    if (inputs.isEmpty()) {
      return usage(err, "give PATHs to publish, - for stdin, or --feed/--feeds");
    }
    if (poll != null) {
      return usage(err, "--poll needs --feed or --feeds");
    }
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

  private int callFeeds(PrintWriter err) {
    if (!inputs.isEmpty()) {
      return usage(err, "give either PATHs or --feed/--feeds, not both");
    }
    if (retries < 0 || maxFeedBytes <= 0 || maxPageBytes != null && maxPageBytes <= 0) {
      return usage(err, "--retries, --max-feed-bytes and --max-page-bytes must be positive");
    }
    if (poll != null && poll.isZero()) {
      return usage(err, "--poll must be longer than zero");
    }
    try {
      List<String> feeds = new ArrayList<>(feedUrls);
      if (feedsFile != null) {
        feeds.addAll(FeedList.read(feedsFile));
      }
      feeds = FeedList.distinct(feeds);
      if (feeds.isEmpty()) {
        return usage(err, "no feed URLs in " + feedsFile);
      }
      PolicywireConfig config = configOptions.load();
      return publishFeeds(config, feeds, fetchOptions(config), err);
    } catch (IOException e) {
      return fail(err, "cannot read feeds file: " + e.getMessage());
    } catch (ConfigException e) {
      return fail(err, "configuration error: " + e.getMessage());
    } catch (BrokerUnavailableException | KafkaException e) {
      return fail(err, e.getMessage());
    }
  }

  FetchOptions fetchOptions(PolicywireConfig config) {
    FetchOptions options = FetchOptions.defaults(VersionProvider.version())
        .withHostInterval(hostInterval)
        .withTimeouts(connectTimeout, readTimeout)
        .withRetries(retries, retryBackoff, Duration.ofSeconds(60))
        .withMaxBytes(maxFeedBytes,
            maxPageBytes != null ? maxPageBytes : config.maxArticleBytes());
    return userAgent == null || userAgent.isBlank() ? options : options.withUserAgent(userAgent);
  }

  private int publishFeeds(PolicywireConfig config, List<String> feeds, FetchOptions options,
      PrintWriter err) {
    ConsoleListener console = new ConsoleListener(err, quiet, verbose);
    PublisherFeedSink sink = new PublisherFeedSink();
    FeedRunner runner = new FeedRunner(feeds);
    FeedStateStore store = new FeedStateStore(
        stateDir != null ? stateDir : config.stateDir().resolve("feeds"));
    Thread worker = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopOnSignal(runner, worker, finished), "policywire-stop");
    try (ArticlePublisher publisher = new ArticlePublisher(config, sink.listener(console));
        PoliteFetcher fetcher = new PoliteFetcher(options)) {
      sink.attach(publisher);
      publisher.connect();
      Runtime.getRuntime().addShutdownHook(hook);
      FeedIngester ingester = new FeedIngester(fetcher, store, sink, runner::stopping);
      try {
        if (poll == null) {
          runner.round(ingester);
        } else {
          runner.poll(ingester, poll, round -> roundLine(err, round));
        }
      } catch (InterruptedException e) {
        Thread.interrupted();
      }
      PublishStats stats = publisher.finish();
      FeedSummary summary = FeedSummary.of(runner.outcomes());
      if (!quiet) {
        print(err, summary.line());
      }
      console.summary(stats, publisher.topic());
      return summary.clean() && stats.clean() ? OK : SOME_FAILED;
    } finally {
      finished.countDown();
      removeHook(hook);
    }
  }

  /** SIGTERM or Ctrl-C: let the current item finish, then interrupt what is left. */
  private static void stopOnSignal(FeedRunner runner, Thread worker, CountDownLatch finished) {
    runner.stop();
    try {
      if (!finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        worker.interrupt();
        finished.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // shutting down already, or never added: nothing to remove
    }
  }

  private void roundLine(PrintWriter err, List<FeedOutcome> round) {
    if (!quiet) {
      print(err, LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " "
          + FeedSummary.of(round).line());
    }
  }

  private static void print(PrintWriter err, String line) {
    err.println("policywire produce: " + line);
    err.flush();
  }

  private static int usage(PrintWriter err, String message) {
    return fail(err, message + " (see --help)");
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT5M}). */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }

  private static int fail(PrintWriter err, String message) {
    err.println("policywire produce: " + message);
    err.flush();
    return UNUSABLE;
  }
}
