package io.policywire.serve;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times in query strings: an ISO-8601 instant ({@code 2026-11-30T08:00:00Z}), a date
 * ({@code 2026-11-30}, its start in UTC), epoch milliseconds, or a span back from now
 * ({@code 90m}, {@code 24h}, {@code 7d}).
 */
final class TimeParam {

  private TimeParam() {}

  static Instant parse(String value, Instant fallback, Instant now) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.trim();
    try {
      if (v.matches("\\d+[smhd]")) {
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        Duration d = switch (v.charAt(v.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
        return now.minus(d);
      }
      if (v.matches("\\d{10,}")) {
        return Instant.ofEpochMilli(Long.parseLong(v));
      }
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a time: '" + value + "' (use an ISO-8601 instant, "
          + "a date, epoch milliseconds, or a span back from now such as 24h or 7d)");
    }
  }
}
