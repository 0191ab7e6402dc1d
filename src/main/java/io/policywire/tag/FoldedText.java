package io.policywire.tag;

/**
 * Text folded for dictionary matching: lower case, typographic apostrophes and dashes made
 * plain, every run of whitespace one space. {@link #start} and {@link #end} map a match in the
 * folded text back to offsets in the original, so spans always point into the article text.
 */
final class FoldedText {

  /** The folded text is {@code chars[0, length)}. */
  final char[] chars;
  final int length;
  private final int[] toOriginal;

  private FoldedText(char[] chars, int length, int[] toOriginal) {
    this.chars = chars;
    this.length = length;
    this.toOriginal = toOriginal;
  }

  String folded() {
    return new String(chars, 0, length);
  }

  static FoldedText of(String text) {
    char[] in = text.toCharArray();
    int n = in.length;
    char[] out = new char[n];
    int[] map = new int[n + 1];
    int len = 0;
    boolean lastSpace = true;
    for (int i = 0; i < n; i++) {
      char c = fold(in[i]);
      if (c == ' ') {
        if (lastSpace) {
          continue;
        }
        lastSpace = true;
      } else {
        lastSpace = false;
      }
      map[len] = i;
      out[len++] = c;
    }
    map[len] = n;
    return new FoldedText(out, len, map);
  }

  /** The key an alias is stored under: folded the same way, without edge spaces. */
  static String key(String alias) {
    return of(alias.strip()).folded().strip();
  }

  static char fold(char c) {
    if (c < 128 && c != '`') {
      // the common case first: plain ASCII, no typographic mark to map
      return c <= ' ' ? ' ' : (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    }
    switch (c) {
      case '\u2019', '\u2018', '\u02BC', '\u0060', '\u00B4', '\u2032' -> {
        return '\'';
      }
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> {
        return '-';
      }
      case '\u201C', '\u201D', '\u201E' -> {
        return '"';
      }
      default -> {
        if (c < 128) {
          return c <= ' ' ? ' ' : (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
          return ' ';
        }
        return Character.toLowerCase(c);
      }
    }
  }

  /** Original offset of folded index {@code i} (a match's first character). */
  int start(int i) {
    return toOriginal[i];
  }

  /** Original offset just past folded index {@code iInclusive} (a match's last character). */
  int end(int iInclusive) {
    return toOriginal[iInclusive] + 1;
  }

  /** {@link Character#isLetterOrDigit(char)}, answered without its tables for ASCII. */
  static boolean isWordChar(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  /** {@link Character#isUpperCase(char)}, answered without its tables for ASCII. */
  static boolean isUpper(char c) {
    return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
  }
}
