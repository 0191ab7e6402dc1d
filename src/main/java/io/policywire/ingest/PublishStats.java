package io.policywire.ingest;

import java.time.Duration;
import java.util.Locale;

/**
 * Where a publish run stands.
 *
 * @param published articles acknowledged by the broker
 * @param failed articles the broker did not take (each also reported as a {@link Problem})
 * @param problems inputs that could not be read, plus {@code failed}
 * @param unknownExtensions files skipped while walking directories for their extension
 */
public record PublishStats(
    long published, long failed, long problems, long unknownExtensions, Duration elapsed) {

  public boolean clean() {
    return problems == 0;
  }

  public long perSecond() {
    long millis = Math.max(1, elapsed.toMillis());
    return published * 1000 / millis;
  }

  /** E.g. {@code published 12,000 articles (3,400/s), 2 problems}. */
  public String progressLine() {
    return String.format(Locale.ROOT, "published %,d %s (%,d/s), %,d %s", published,
        plural(published, "article"), perSecond(), problems, plural(problems, "problem"));
  }

  /** The final line: counts, rate, time, and the files skipped for their extension. */
  public String summaryLine(String topic) {
    String line = String.format(Locale.ROOT, "published %,d %s to %s in %.1f s (%,d/s); %,d %s",
        published, plural(published, "article"), topic, elapsed.toMillis() / 1000.0, perSecond(),
        problems, plural(problems, "problem"));
    if (unknownExtensions > 0) {
      line += String.format(Locale.ROOT, "; skipped %,d %s with %s", unknownExtensions,
          plural(unknownExtensions, "file"),
          unknownExtensions == 1 ? "an unknown extension" : "unknown extensions");
    }
    return line;
  }

  private static String plural(long n, String word) {
    return n == 1 ? word : word + "s";
  }
}
