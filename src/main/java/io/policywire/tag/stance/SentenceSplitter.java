package io.policywire.tag.stance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits clean article text into sentences, as offsets into the text (so entity spans can be
 * placed in them). Rules, not a trained model: a line break always ends a sentence (headlines,
 * bullets, captions), and {@code . ! ?} (with any closing quote or bracket) ends one when the
 * next word starts a sentence, unless the dot closes a title or initial ("Mr.", "Sen.", "J.")
 * or a month. "U.S." and "U.K." end a sentence only when a typical sentence opener follows
 * ("in the U.S. As the app..."), which is where statistical splitters trained on web text
 * usually disagree with news style.
 */
public final class SentenceSplitter {

  /** A sentence as [start, end) in the text. */
  public record Span(int start, int end) {
    public String of(String text) {
      return text.substring(start, end);
    }
  }

  private static final Set<String> NEVER_ENDS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr",
      "sr", "rev", "hon", "pres", "atty", "supt", "no", "vs", "v", "etc", "e.g", "i.e", "inc", "corp",
      "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
      "dec", "approx", "dept", "est", "fig", "ft", "mt", "ave", "blvd");
  private static final Set<String> COUNTRY_ABBREVIATIONS = Set.of(
      "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "p.r.c");
  private static final Set<String> OPENERS = Set.of(
      "the", "a", "an", "as", "but", "and", "it", "its", "in", "on", "at", "this", "that", "these",
      "those", "he", "she", "they", "we", "i", "while", "however", "for", "after", "before", "when",
      "if", "meanwhile", "still", "yet", "there", "some", "many", "last", "earlier", "later");

  private SentenceSplitter() {}

  public static List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        add(text, start, i, out);
        start = i + 1;
      } else if (c == '.' || c == '!' || c == '?') {
        int end = i + 1;
        while (end < n && (isClosing(text.charAt(end)) || text.charAt(end) == '.'
            || text.charAt(end) == '!' || text.charAt(end) == '?')) {
          end++;
        }
        if (end >= n) {
          break;
        }
        if (text.charAt(end) == ' ' && endsSentence(text, i, end)) {
          add(text, start, end, out);
          start = end + 1;
          i = end + 1;
          continue;
        }
        i = end;
        continue;
      }
      i++;
    }
    add(text, start, n, out);
    return out;
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '\u201d' || c == '\u2019' || c == '\'' || c == ')' || c == ']';
  }

  private static boolean endsSentence(String text, int punct, int afterClosing) {
    int next = afterClosing;
    while (next < text.length() && text.charAt(next) == ' ') {
      next++;
    }
    if (next >= text.length()) {
      return true;
    }
    char first = text.charAt(next);
    boolean opensSentence = Character.isUpperCase(first) || Character.isDigit(first)
        || first == '"' || first == '\u201c' || first == '\u2018' || first == '(' || first == '\u2022';
    if (!opensSentence) {
      return false;
    }
    if (text.charAt(punct) != '.') {
      return true;
    }
    String original = wordBefore(text, punct);
    String word = original.toLowerCase(Locale.ROOT);
    String nextWord = wordAt(text, next).toLowerCase(Locale.ROOT);
    if (COUNTRY_ABBREVIATIONS.contains(word)) {
      return OPENERS.contains(nextWord);
    }
    if (NEVER_ENDS.contains(word)) {
      return false;
    }
    // an initial ("J. Smith"), but not a one-letter word at the end of a sentence ("plan B.")
    return !(original.length() == 1 && Character.isUpperCase(original.charAt(0))
        && punct + 1 == afterClosing && Character.isUpperCase(first));
  }

  private static String wordBefore(String text, int punct) {
    int s = punct;
    while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
      s--;
    }
    return text.substring(s, punct);
  }

  private static String wordAt(String text, int from) {
    int s = from;
    while (s < text.length() && !Character.isLetter(text.charAt(s))) {
      s++;
    }
    int e = s;
    while (e < text.length() && Character.isLetter(text.charAt(e))) {
      e++;
    }
    return text.substring(s, e);
  }

  private static void add(String text, int start, int end, List<Span> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Span(start, end));
    }
  }
}
