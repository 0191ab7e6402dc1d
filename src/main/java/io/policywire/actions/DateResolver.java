package io.policywire.actions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date expressions of an English sentence and resolves them against the article's
 * publication date: absolute dates ("Aug. 14, 2020", "17 August", "2020-08-14"), months ("in June
 * 2021", "back in June", "last April"), years ("in 2019"), weekdays ("on Thursday", "late
 * Friday"), and relative ones ("ten days ago", "yesterday", "last month").
 *
 * <p>News is written about the past: a month or weekday without a year or "next" is the latest
 * one not after publication, a day of a month without a year the nearest to it (so "until Sept.
 * 15" in August is the coming one). A date right after "until", "by", "before" or "deadline" is
 * marked as a deadline: it says when something is due, not when it happened.
 */
public final class DateResolver {

  private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|"
      + "June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  private static final String WEEKDAY =
      "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  private static final String YEAR = "((?:19|20)\\d{2})";
  private static final String NUMBER = "(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|"
      + "nine|ten|eleven|twelve|a few|several|a couple of)";

  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern MONTH_DAY = Pattern.compile(
      "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+" + YEAR + "\\b)?");
  private static final Pattern DAY_MONTH = Pattern.compile(
      "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+" + YEAR + "\\b)?");
  private static final Pattern MONTH_YEAR = Pattern.compile(
      "\\b(?:(?:early|mid|late)[- ])?" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR + "\\b");
  private static final Pattern MONTH_ALONE = Pattern.compile("(?i:\\b(in|back in|since|until|by|"
      + "during|last|this|next|earlier this|early|late|mid|from|before|after|of)[- ](?:early |"
      + "late |mid-)?)" + MONTH + "\\b");
  private static final Pattern YEAR_ALONE = Pattern.compile(
      "(?i:\\b(in|since|until|by|during|of|from|before|after|early|late|mid)\\s+)" + YEAR + "\\b");
  private static final Pattern WEEKDAY_REF = Pattern.compile(
      "(?i:\\b(?:(last|this|next|past)\\s+)?)" + WEEKDAY + "\\b");
  private static final Pattern AGO = Pattern.compile(
      "(?i)\\b" + NUMBER + "\\s+(day|week|month|year)s?\\s+ago\\b");
  private static final Pattern NAMED = Pattern.compile(
      "(?i)\\b(yesterday|today|tomorrow|last (?:week|month|year)|this (?:week|month|year)|"
      + "earlier this (?:week|month|year))\\b");
  private static final Pattern DEADLINE_CUE = Pattern.compile(
      "(?i)\\b(until|till|by|before|deadline(?: of)?|due(?: on| by)?|no later than|expires?(?: on)?)"
      + "\\s+(?:the\\s+)?(?:end of\\s+)?$");
  private static final Pattern WEEKDAY_GAP = Pattern.compile("[ ,]{0,3}");
  private static final Pattern FUTURE_CUE = Pattern.compile(
      "(?i)\\b(will|shall|is to|are to|is set to|are set to|is scheduled|are scheduled|"
      + "is expected to|are expected to|plans to|is due to|are due to)\\b");

  private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1),
      Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
      Map.entry("twelve", 12), Map.entry("a few", 3), Map.entry("several", 3),
      Map.entry("a couple of", 2));

  /** Every date expression of the sentence, left to right, overlapping ones removed. */
  public List<ResolvedDate> find(String sentence, LocalDate published) {
    Clues clues = Clues.of(sentence);
    List<ResolvedDate> found = new ArrayList<>();
    boolean future = clues.has(Clues.FUTURE) && (clues.month() || clues.weekday())
        && FUTURE_CUE.matcher(sentence).find();
    // most specific first; a later pattern never takes text an earlier one matched
    if (clues.year() && clues.dash()) {
      each(ISO, sentence, m -> LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3))), ResolvedDate.Precision.DAY, found);
    }
    if (clues.digit() && clues.month()) {
      absolute(sentence, published, found);
    }
    if (clues.year() && clues.month()) {
      each(MONTH_YEAR, sentence, m -> LocalDate.of(year(m.group(2)), month(m.group(1)), 1),
          ResolvedDate.Precision.MONTH, found);
    }
    if (clues.month()) {
      each(MONTH_ALONE, sentence, m -> monthAlone(m.group(1), month(m.group(2)), published,
          future), ResolvedDate.Precision.MONTH, found);
    }
    if (clues.year()) {
      each(YEAR_ALONE, sentence, m -> LocalDate.of(year(m.group(2)), 1, 1),
          ResolvedDate.Precision.YEAR, found);
    }
    if (clues.has(Clues.AGO)) {
      each(AGO, sentence, m -> ago(m.group(1), m.group(2), published), null, found);
    }
    if (clues.has(Clues.NAMED)) {
      each(NAMED, sentence, m -> named(m.group(1), published), null, found);
    }
    List<ResolvedDate> dated = List.copyOf(found);
    if (clues.weekday()) {
      each(WEEKDAY_REF, sentence, m -> weekday(m.group(1), m.group(2), published, future),
          ResolvedDate.Precision.DAY, found);
    }
    // "Friday, August 14": the weekday only names the day the absolute date gives
    found.removeIf(d -> !dated.contains(d) && dated.stream().anyMatch(a -> a.start() >= d.end()
        && WEEKDAY_GAP.matcher(sentence.substring(d.end(), a.start())).matches()));
    found.sort(Comparator.comparingInt(ResolvedDate::start));
    return found;
  }

  /**
   * What of the patterns' needs a sentence holds: a digit, a run of four (a year), a dash (an
   * ISO date), a capitalised month or "day" (months and weekdays are matched case-sensitively),
   * and the words of the relative expressions and of the future cue. Each pattern runs only
   * where what it needs is there: one pass over the sentence costs far less than one pattern,
   * and most sentences hold no date at all.
   */
  private record Clues(boolean digit, boolean year, boolean dash, boolean month,
      boolean weekday, long words) {

    static final int AGO = 0;
    static final int NAMED = 1;
    static final int FUTURE = 2;
    private static final Keywords WORDS = Keywords.of(List.of(
        List.of("\\bago"),
        List.of("\\byesterday", "\\btoday", "\\btomorrow", "\\bweek", "\\bmonth", "\\byear"),
        List.of("\\bwill", "\\bshall", "is to", "are to", "set to", "scheduled", "expected to",
            "plans to", "due to")));
    private static final String MONTH_INITIALS = "JFMASOND";
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun",
        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    static Clues of(String s) {
      int run = 0;
      boolean digit = false;
      boolean year = false;
      boolean month = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        run = c >= '0' && c <= '9' ? run + 1 : 0;
        digit |= run > 0;
        year |= run >= 4;
        month = month || MONTH_INITIALS.indexOf(c) >= 0 && monthAt(s, i);
      }
      return new Clues(digit, year, s.indexOf('-') >= 0, month, s.contains("day"),
          WORDS.groupsIn(s));
    }

    private static boolean monthAt(String s, int i) {
      for (String m : MONTHS) {
        if (s.startsWith(m, i)) {
          return true;
        }
      }
      return false;
    }

    boolean has(int group) {
      return (words & 1L << group) != 0;
    }
  }

  /** The first date of the sentence that is not a deadline, or null. */
  public ResolvedDate when(String sentence, LocalDate published) {
    return find(sentence, published).stream().filter(d -> !d.deadline()).findFirst().orElse(null);
  }

  private void absolute(String s, LocalDate published, List<ResolvedDate> found) {
    each(MONTH_DAY, s, m -> dayOf(month(m.group(1)), Integer.parseInt(m.group(2)), m.group(3),
        published), ResolvedDate.Precision.DAY, found);
    each(DAY_MONTH, s, m -> dayOf(month(m.group(2)), Integer.parseInt(m.group(1)), m.group(3),
        published), ResolvedDate.Precision.DAY, found);
  }

  private interface Resolution {
    Object resolve(Matcher m);
  }

  private static void each(Pattern p, String s, Resolution resolution,
      ResolvedDate.Precision precision, List<ResolvedDate> found) {
    Matcher m = p.matcher(s);
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      if (found.stream().anyMatch(d -> d.start() < end && start < d.end())) {
        continue;
      }
      Object resolved;
      try {
        resolved = resolution.resolve(m);
      } catch (java.time.DateTimeException | IllegalArgumentException e) {
        continue; // "February 30", "May 40": not a date
      }
      if (resolved == null) {
        continue;
      }
      LocalDate date;
      ResolvedDate.Precision p2 = precision;
      if (resolved instanceof ResolvedDate r) {
        date = r.date();
        p2 = r.precision();
      } else {
        date = (LocalDate) resolved;
      }
      boolean deadline = DEADLINE_CUE.matcher(s.substring(Math.max(0, start - 24), start)).find();
      found.add(new ResolvedDate(date, p2, start, end, deadline));
    }
  }

  private static LocalDate dayOf(int month, int day, String year, LocalDate published) {
    if (year != null) {
      return LocalDate.of(year(year), month, day);
    }
    LocalDate best = null;
    for (int y = published.getYear() - 1; y <= published.getYear() + 1; y++) {
      LocalDate candidate;
      try {
        candidate = LocalDate.of(y, month, day);
      } catch (java.time.DateTimeException e) {
        continue; // 29 February
      }
      if (best == null || Math.abs(ChronoUnit.DAYS.between(published, candidate))
          < Math.abs(ChronoUnit.DAYS.between(published, best))) {
        best = candidate;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no such day");
    }
    return best;
  }

  private static LocalDate monthAlone(String cue, int month, LocalDate published,
      boolean future) {
    String c = cue.toLowerCase(Locale.ROOT);
    int year = published.getYear();
    int current = published.getMonthValue();
    if (c.equals("this")) {
      return LocalDate.of(year, month, 1);
    }
    if (c.equals("next") || (future && !c.equals("last") && !c.startsWith("back")
        && !c.equals("since"))) {
      return LocalDate.of(month > current ? year : year + 1, month, 1);
    }
    if (c.equals("last")) {
      return LocalDate.of(month < current ? year : year - 1, month, 1);
    }
    return LocalDate.of(month <= current ? year : year - 1, month, 1);
  }

  private static Object ago(String number, String unit, LocalDate published) {
    String n = number.toLowerCase(Locale.ROOT);
    int count = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : NUMBERS.get(n);
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "day" -> new ResolvedDate(published.minusDays(count), ResolvedDate.Precision.DAY, 0, 0,
          false);
      case "week" -> new ResolvedDate(published.minusWeeks(count), ResolvedDate.Precision.DAY, 0,
          0, false);
      case "month" -> new ResolvedDate(published.minusMonths(count).withDayOfMonth(1),
          ResolvedDate.Precision.MONTH, 0, 0, false);
      default -> new ResolvedDate(published.minusYears(count).withDayOfYear(1),
          ResolvedDate.Precision.YEAR, 0, 0, false);
    };
  }

  private static Object named(String phrase, LocalDate published) {
    String p = phrase.toLowerCase(Locale.ROOT).replace("earlier ", "");
    return switch (p) {
      case "yesterday" -> day(published.minusDays(1));
      case "today" -> day(published);
      case "tomorrow" -> day(published.plusDays(1));
      case "last week" -> day(published.minusWeeks(1));
      case "this week" -> day(published);
      case "last month" -> new ResolvedDate(published.minusMonths(1).withDayOfMonth(1),
          ResolvedDate.Precision.MONTH, 0, 0, false);
      case "this month" -> new ResolvedDate(published.withDayOfMonth(1),
          ResolvedDate.Precision.MONTH, 0, 0, false);
      case "last year" -> new ResolvedDate(published.minusYears(1).withDayOfYear(1),
          ResolvedDate.Precision.YEAR, 0, 0, false);
      default -> new ResolvedDate(published.withDayOfYear(1), ResolvedDate.Precision.YEAR, 0, 0,
          false);
    };
  }

  private static ResolvedDate day(LocalDate d) {
    return new ResolvedDate(d, ResolvedDate.Precision.DAY, 0, 0, false);
  }

  private static LocalDate weekday(String cue, String name, LocalDate published,
      boolean future) {
    DayOfWeek dow = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    String c = cue == null ? "" : cue.toLowerCase(Locale.ROOT);
    int back = (published.getDayOfWeek().getValue() - dow.getValue() + 7) % 7;
    if (c.equals("next") || (future && c.isEmpty())) {
      int ahead = (dow.getValue() - published.getDayOfWeek().getValue() + 7) % 7;
      return published.plusDays(ahead == 0 ? 7 : ahead);
    }
    if (c.equals("last") || c.equals("past")) {
      return published.minusDays(back == 0 ? 7 : back);
    }
    return published.minusDays(back);
  }

  private static int year(String y) {
    return Integer.parseInt(y);
  }

  static int month(String name) {
    String m = name.toLowerCase(Locale.ROOT).replace(".", "");
    return switch (m.substring(0, 3)) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      case "dec" -> 12;
      default -> throw new IllegalArgumentException(name);
    };
  }
}
