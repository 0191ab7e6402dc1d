package io.policywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleListenerTest {

  private final StringWriter out = new StringWriter();
  private final AtomicLong clock = new AtomicLong();

  @Test
  void shouldFormatProgressWithThousandsAndRate() {
    PublishStats stats = new PublishStats(12_000, 0, 2, 0, Duration.ofMillis(3_529));

    assertThat(stats.progressLine()).isEqualTo("published 12,000 articles (3,400/s), 2 problems");
  }

  @Test
  void shouldSummariseWithUnknownExtensions() {
    PublishStats stats = new PublishStats(1, 0, 0, 3, Duration.ofMillis(1_500));

    assertThat(stats.summaryLine("news.articles.raw")).isEqualTo(
        "published 1 article to news.articles.raw in 1.5 s (0/s); 0 problems; "
            + "skipped 3 files with unknown extensions");
  }

  @Test
  void shouldPrintProgressAtMostEveryTwoSeconds() {
    ConsoleListener listener = listener(false, false);
    PublishStats stats = new PublishStats(5, 0, 0, 0, Duration.ofSeconds(1));

    listener.progress(stats);
    clock.addAndGet(Duration.ofMillis(2_000).toNanos());
    listener.progress(stats);
    clock.addAndGet(Duration.ofMillis(1_000).toNanos());
    listener.progress(stats);

    assertThat(out.toString().lines()).containsExactly("published 5 articles (5/s), 0 problems");
  }

  @Test
  void shouldReportProblemsEvenWhenQuiet() {
    ConsoleListener listener = listener(true, false);

    listener.problem(new Problem("a.json", "invalid JSON"));
    clock.addAndGet(Duration.ofSeconds(10).toNanos());
    listener.progress(new PublishStats(5, 0, 1, 0, Duration.ofSeconds(1)));
    listener.summary(new PublishStats(5, 0, 1, 0, Duration.ofSeconds(1)), "t");

    assertThat(out.toString().lines()).containsExactly("policywire produce: a.json: invalid JSON");
  }

  @Test
  void shouldNameSkippedFilesOnlyWhenVerbose() {
    listener(false, false).unknownExtension(Path.of("a.md"));
    listener(false, true).unknownExtension(Path.of("b.md"));

    assertThat(out.toString().lines())
        .containsExactly("policywire produce: b.md: skipped, unknown extension");
  }

  private ConsoleListener listener(boolean quiet, boolean verbose) {
    return new ConsoleListener(new PrintWriter(out), quiet, verbose, clock::get);
  }
}
