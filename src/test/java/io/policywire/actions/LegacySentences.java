package io.policywire.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits clean text into sentences with their offsets, so entity spans can be placed in them.
 * A sentence ends at a blank line, a bullet, or at {@code . ! ?} (and a closing quote) before
 * whitespace and an upper-case letter, a digit or a quote, unless the word before the stop is an
 * abbreviation ("U.S.", "Sept.", "Mr.").
 */
public final class LegacySentences {

  /** One sentence: {@code text.substring(start, end)}, trimmed. */
  public record Sentence(int index, int start, int end, String text) {

    public boolean contains(int[] span) {
      return span[0] >= start && span[1] <= end;
    }
  }

  private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "sen",
      "rep", "gov", "gen", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
      "nov", "dec", "no", "inc", "corp", "co", "ltd", "vs", "v", "jr", "sr", "prof", "u.s", "u.k",
      "e.u", "u.n", "d.c", "pres", "h.r", "s", "etc", "al", "approx", "dept", "est");

  private LegacySentences() {}

  public static List<Sentence> split(String text) {
    List<Sentence> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean boundary = false;
      int end = i;
      if (c == '\n' && (i + 1 < n && text.charAt(i + 1) == '\n' || bulletAfter(text, i + 1))) {
        boundary = true;
      } else if (c == '\u2022' || c == '\n' && lineLooksComplete(text, start, i)) {
        boundary = true;
      } else if ((c == '.' || c == '!' || c == '?') && sentenceEnds(text, i)) {
        end = i + 1;
        while (end < n && "\"'\u201d\u2019)".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        boundary = true;
        i = end - 1;
      }
      if (boundary) {
        add(out, text, start, c == '\u2022' || c == '\n' ? i : end);
        start = c == '\u2022' || c == '\n' ? i + 1 : end;
      }
    }
    add(out, text, start, n);
    return out;
  }

  private static boolean bulletAfter(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && (text.charAt(i) == '\u2022' || text.charAt(i) == '-'
        && i + 1 < text.length() && text.charAt(i + 1) == ' ');
  }

  /** A single newline ends a sentence when the line has no open sentence (a headline, a list). */
  private static boolean lineLooksComplete(String text, int start, int i) {
    String line = text.substring(start, i).trim();
    return line.isEmpty() || !Character.isLowerCase(nextNonSpace(text, i + 1));
  }

  private static char nextNonSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() ? text.charAt(i) : 'A';
  }

  private static boolean sentenceEnds(String text, int i) {
    int j = i + 1;
    while (j < text.length() && "\"'\u201d\u2019)".indexOf(text.charAt(j)) >= 0) {
      j++;
    }
    if (j >= text.length()) {
      return true;
    }
    if (!Character.isWhitespace(text.charAt(j))) {
      return false;
    }
    char next = nextNonSpace(text, j);
    if (!(Character.isUpperCase(next) || Character.isDigit(next) || "\"'\u201c\u2018\u2022"
        .indexOf(next) >= 0)) {
      return false;
    }
    if (text.charAt(i) != '.') {
      return true;
    }
    int w = i;
    while (w > 0 && !Character.isWhitespace(text.charAt(w - 1)) && text.charAt(w - 1) != '(') {
      w--;
    }
    String word = text.substring(w, i).toLowerCase(java.util.Locale.ROOT);
    if (ABBREVIATIONS.contains(word)) {
      return false;
    }
    // an initial ("John F. Kennedy") is a single capital letter
    return !(word.length() == 1 && Character.isLetter(word.charAt(0)));
  }

  private static void add(List<Sentence> out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Sentence(out.size(), start, end, text.substring(start, end)));
    }
  }
}
