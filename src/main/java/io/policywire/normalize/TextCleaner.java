package io.policywire.normalize;

import java.text.Normalizer;

/**
 * Unicode clean-up of readable text: NFKC (folds no-break spaces, ligatures and full-width
 * forms), no control or invisible format characters (zero-width, bidi overrides and isolates,
 * which can hide or reorder text in a title), no unpaired surrogates (they cannot be written as
 * UTF-8), single spaces within a line, at most one blank line between paragraphs. The text stays
 * readable: quotes and dashes are kept; {@link MatchFold} folds them for matching.
 *
 * <p>One pass over the characters before NFKC (so that an invisible joiner cannot block a
 * composition) and one after; NFKC itself only when the text is not already in that form, which
 * is most of the time. Idempotent: cleaning clean text changes nothing.
 */
public final class TextCleaner {

  /**
   * At most this many combining marks in a row, as in Unicode's stream-safe text format (UAX
   * #15): no language needs more, and NFKC reorders a run of marks in quadratic time, so a
   * "Zalgo" run of 300,000 would hold a stream thread for minutes.
   */
  static final int MAX_MARKS = 30;

  private TextCleaner() {}

  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    String s = tidy(text);
    if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
      s = tidy(Normalizer.normalize(s, Normalizer.Form.NFKC));
    }
    return s;
  }

  /** A title or other one-line field: cleaned, then on one line. */
  public static String oneLine(String text) {
    return clean(text).replace("\n\n", " ").replace('\n', ' ');
  }

  /**
   * Line breaks to {@code \n}, invisible characters out, runs of spaces to one, no space at
   * either end of a line, at most two line breaks in a row, nothing at either end of the text.
   */
  static String tidy(String s) {
    // never longer than the input: every character out stands for at least one in
    char[] out = new char[s.length()];
    int n = 0;
    boolean space = false;
    int newlines = 0;
    int marks = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > ' ' && c < 0x7f) {
        // printable ASCII, most of any text: neither space, break, invisible nor mark, so the
        // whole run goes out at once
        int end = i + 1;
        while (end < s.length() && s.charAt(end) > ' ' && s.charAt(end) < 0x7f) {
          end++;
        }
        n = separator(out, n, newlines, space);
        newlines = 0;
        space = false;
        marks = 0;
        s.getChars(i, end, out, n);
        n += end - i;
        i = end - 1;
        continue;
      }
      if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        continue;
      }
      if (isLineBreak(c)) {
        space = false;
        newlines++;
        continue;
      }
      if (c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR) {
        space = true;
        continue;
      }
      if (isInvisible(s, i)) {
        continue;
      }
      marks = isMark(c) ? marks + 1 : 0;
      if (marks > MAX_MARKS) {
        continue;
      }
      n = separator(out, n, newlines, space);
      newlines = 0;
      space = false;
      out[n++] = c;
      if (Character.isHighSurrogate(c)) {
        out[n++] = s.charAt(++i); // a valid pair: isInvisible checked the low half
      }
    }
    return new String(out, 0, n);
  }

  /**
   * What goes between two kept characters: a paragraph break for two or more line breaks, a
   * line break for one, else a space for any run of spaces; nothing before the first.
   */
  private static int separator(char[] out, int n, int newlines, boolean space) {
    if (n == 0) {
      return 0;
    }
    if (newlines > 1) {
      out[n] = '\n';
      out[n + 1] = '\n';
      return n + 2;
    }
    if (newlines == 1 || space) {
      out[n] = newlines == 1 ? '\n' : ' ';
      return n + 1;
    }
    return n;
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085'
        || c == '\u000B' || c == '\u000C';
  }

  /** Cc (controls), Cf (format: zero-width, bidi, soft hyphen, BOM, tags), lone surrogates. */
  private static boolean isInvisible(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
        return true;
      }
      return Character.getType(s.codePointAt(i)) == Character.FORMAT; // tag characters
    }
    if (Character.isLowSurrogate(c)) {
      return true; // a low half not after a high one
    }
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT;
  }
}
