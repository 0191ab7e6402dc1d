package io.policywire.ingest;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Reports a publish run on a console stream (stderr): every problem by name, always; unless
 * quiet, a progress line at most every two seconds; when verbose, each file skipped for its
 * extension. Thread-safe: producer callbacks report from the I/O thread.
 */
public final class ConsoleListener implements PublishListener {

  public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

  private final PrintWriter out;
  private final boolean quiet;
  private final boolean verbose;
  private final LongSupplier nanoClock;
  private long lastProgressNanos;

  public ConsoleListener(PrintWriter out, boolean quiet, boolean verbose) {
    this(out, quiet, verbose, System::nanoTime);
  }

  ConsoleListener(PrintWriter out, boolean quiet, boolean verbose, LongSupplier nanoClock) {
    this.out = out;
    this.quiet = quiet;
    this.verbose = verbose;
    this.nanoClock = nanoClock;
    this.lastProgressNanos = nanoClock.getAsLong();
  }

  @Override
  public synchronized void problem(Problem problem) {
    print("policywire produce: " + problem);
  }

  @Override
  public synchronized void unknownExtension(Path file) {
    if (verbose) {
      print("policywire produce: " + file + ": skipped, unknown extension");
    }
  }

  @Override
  public synchronized void progress(PublishStats stats) {
    long now = nanoClock.getAsLong();
    if (!quiet && now - lastProgressNanos >= PROGRESS_INTERVAL.toNanos()) {
      lastProgressNanos = now;
      print(stats.progressLine());
    }
  }

  /** The final summary, unless quiet. */
  public synchronized void summary(PublishStats stats, String topic) {
    if (!quiet) {
      print(stats.summaryLine(topic));
    }
  }

  private void print(String line) {
    out.println(line);
    out.flush();
  }
}
