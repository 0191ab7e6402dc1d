package io.policywire.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes page furniture from Unicode-clean text, line by line ({@link Boilerplate}), lifts
 * credits out into an origin ({@link Credits}), and cuts the trailing block of other stories
 * that scraped pages glue to the end ("Popular posts from this blog" and what follows).
 *
 * <p>A tail heading cuts only after {@link #MIN_STORY_BEFORE_TAIL} characters of story, so a
 * page that opens with "Related" loses the heading, not the article. The passes repeat until
 * nothing changes (at most {@link #MAX_PASSES}): removing a block can make a credit the last
 * line, and cleaning must be idempotent.
 */
final class BodyCleaner {

  static final int MIN_STORY_BEFORE_TAIL = 200;
  private static final int MAX_PASSES = 4;
  static final int WIDGET_RUN = 3;

  /**
   * @param origin the first credit found, or null
   * @param byline the name of a "By …" line, or null
   */
  record Cleaned(String text, String origin, String byline) {}

  private BodyCleaner() {}

  static Cleaned clean(String text) {
    // every pass after the first sees mostly the same lines: judge each short line once
    Map<String, Judged> judged = new HashMap<>();
    String origin = null;
    String byline = null;
    String current = text;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      Cleaned once = pass(current, judged);
      origin = origin != null ? origin : once.origin();
      byline = byline != null ? byline : once.byline();
      if (once.text().equals(current)) {
        break;
      }
      current = once.text();
    }
    return new Cleaned(current, origin, byline);
  }

  private static Cleaned pass(String text, Map<String, Judged> judged) {
    String[] lines = text.split("\n", -1);
    List<String> kept = new ArrayList<>(lines.length);
    String origin = null;
    String byline = null;
    String trailingOrigin = null;
    int trailingFrom = -1; // index in kept of a pending "With AFP", dropped if nothing follows
    int storyChars = 0;
    String dropCap = null;
    for (String line : lines) {
      if (line.isBlank()) {
        kept.add("");
        continue;
      }
      Judged judgement = judge(line, judged);
      Credits.Credit credit = judgement.credit();
      if (credit != null && !credit.trailingOnly()) {
        origin = origin != null ? origin : credit.origin();
        continue;
      }
      if (credit != null) {
        if (trailingFrom < 0) {
          trailingFrom = kept.size();
          trailingOrigin = credit.origin();
        }
        kept.add(line);
        continue;
      }
      Boilerplate.Kind kind = judgement.kind();
      if (kind == Boilerplate.Kind.TAIL && storyChars >= MIN_STORY_BEFORE_TAIL) {
        break;
      }
      if (kind == Boilerplate.Kind.BYLINE) {
        byline = byline != null ? byline : line.strip().substring(3).strip();
        continue;
      }
      if (kind != Boilerplate.Kind.BODY) {
        dropCap = Boilerplate.isDropCap(line) ? line.strip() : null;
        continue;
      }
      // "T" then "he European Parliament…": the drop cap was the first letter of the line
      if (dropCap != null && Character.isLowerCase(line.codePointAt(0))) {
        line = dropCap + line;
      }
      dropCap = null;
      kept.add(line);
      storyChars += line.length();
      trailingFrom = -1;
      trailingOrigin = null;
    }
    if (trailingFrom >= 0) {
      kept.subList(trailingFrom, kept.size()).removeIf(l -> Credits.ofLine(l) != null);
      origin = origin != null ? origin : trailingOrigin;
    }
    dropWidgetRuns(kept);
    String datelineOrigin = liftDateline(kept);
    String cleaned = joinLines(kept, text.length()).strip();
    return new Cleaned(cleaned, datelineOrigin != null ? datelineOrigin : origin, byline);
  }

  /** What the line rules say of one line: its credit (or null), else its kind. */
  private record Judged(Credits.Credit credit, Boilerplate.Kind kind) {}

  /**
   * Both rules are pure functions of the line, and say BODY and no credit of any line longer
   * than {@link Boilerplate#MAX_FURNITURE_CHARS}; shorter lines are remembered.
   */
  private static Judged judge(String line, Map<String, Judged> judged) {
    if (line.length() > Boilerplate.MAX_FURNITURE_CHARS) {
      return new Judged(Credits.ofLine(line), Boilerplate.classify(line));
    }
    return judged.computeIfAbsent(line, l -> {
      Credits.Credit credit = Credits.ofLine(l);
      return new Judged(credit, credit != null ? null : Boilerplate.classify(l));
    });
  }

  /**
   * Removes runs of {@link #WIDGET_RUN} or more consecutive one-to-three-word lines without
   * sentence punctuation: the labels of share bars, menus and pagers ("Facebook", "Copy link",
   * "12", "Next"). A subheading stands alone between paragraphs, so it is never in such a run.
   */
  private static void dropWidgetRuns(List<String> kept) {
    int start = 0;
    while (start < kept.size()) {
      int end = start;
      while (end < kept.size() && isWidgetLabel(kept.get(end))) {
        end++;
      }
      if (end - start >= WIDGET_RUN) {
        kept.subList(start, end).clear();
      } else {
        start = end + 1;
      }
    }
  }

  private static boolean isWidgetLabel(String line) {
    // one to three words: at most two spaces inside the stripped line (as split(" ") counts)
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    int start = 0;
    while (start < end && Character.isWhitespace(line.charAt(start))) {
      start++;
    }
    if (start == end) {
      return false;
    }
    int spaces = 0;
    for (int i = start; i < end; i++) {
      if (line.charAt(i) == ' ' && ++spaces > 2) {
        return false;
      }
    }
    char last = line.charAt(end - 1);
    return last != '.' && last != '!' && last != '?' && last != ':' && last != '"'
        && last != '\u201d';
  }

  /**
   * The lines joined by line breaks, with runs of three or more breaks made two: what
   * {@code String.join} and a {@code \n{3,}} replacement gave, in one pass.
   */
  private static String joinLines(List<String> lines, int sizeHint) {
    StringBuilder out = new StringBuilder(sizeHint);
    int breaks = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        breaks++;
      }
      String line = lines.get(i);
      if (!line.isEmpty()) {
        appendBreaks(out, breaks);
        breaks = 0;
        out.append(line);
      }
    }
    appendBreaks(out, breaks);
    return out.toString();
  }

  private static void appendBreaks(StringBuilder out, int breaks) {
    for (int b = 0; b < Math.min(breaks, 2); b++) {
      out.append('\n');
    }
  }

  /** Takes the agency out of the first paragraph's dateline; returns it, or null. */
  private static String liftDateline(List<String> kept) {
    for (int i = 0; i < kept.size(); i++) {
      if (!kept.get(i).isBlank()) {
        Credits.Dateline d = Credits.dateline(kept.get(i));
        if (d == null) {
          return null;
        }
        kept.set(i, d.paragraph());
        return d.origin();
      }
    }
    return null;
  }
}
