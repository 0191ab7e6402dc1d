package io.policywire.actions;

import java.time.LocalDate;

/**
 * A date expression found in a sentence and resolved to a calendar date.
 *
 * @param date the day, or the first day of the month or year when less precise
 * @param start offset of the expression in the sentence
 * @param end offset just past it
 * @param deadline the expression is a deadline ("until Sept. 15", "by June"), not when
 *     something happened
 */
public record ResolvedDate(LocalDate date, Precision precision, int start, int end,
    boolean deadline) {

  /** How much of the date the text gave. */
  public enum Precision { DAY, MONTH, YEAR }

  /** ISO text at the precision given: {@code 2020-08-06}, {@code 2020-08} or {@code 2020}. */
  public String iso() {
    return switch (precision) {
      case DAY -> date.toString();
      case MONTH -> date.toString().substring(0, 7);
      case YEAR -> date.toString().substring(0, 4);
    };
  }

  /** The bucket an action id uses: the month, or the year when only the year is known. */
  public String monthBucket() {
    return precision == Precision.YEAR ? iso() : date.toString().substring(0, 7);
  }

  public String yearBucket() {
    return date.toString().substring(0, 4);
  }

  public ResolvedDate shifted(int offset) {
    return new ResolvedDate(date, precision, start + offset, end + offset, deadline);
  }
}
