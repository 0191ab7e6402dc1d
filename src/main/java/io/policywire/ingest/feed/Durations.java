package io.policywire.ingest.feed;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601. */
public final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      Duration d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      if (d.isNegative()) {
        throw new IllegalArgumentException("'" + text + "' is negative");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text
          + "' is not a duration (e.g. 500ms, 30s, 5m, 1h, PT5M)", e);
    }
  }
}
