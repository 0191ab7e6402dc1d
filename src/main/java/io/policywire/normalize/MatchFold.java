package io.policywire.normalize;

/**
 * The matching form of clean text: lower case, curly quotes and apostrophes straight, every dash
 * and minus a hyphen, every remaining space a plain space. The mapping is one char for one char,
 * so the folded string has the length of the text and an offset found in it (a gazetteer match,
 * a shingle) is the same offset in {@code text}: later stages match on the fold and report spans
 * into the readable text.
 */
public final class MatchFold {

  private MatchFold() {}

  public static String fold(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fold(text.charAt(i));
    }
    return new String(out);
  }

  /** One UTF-16 unit; surrogates pass unchanged, so a pair stays a pair. */
  static char fold(char c) {
    if (c < 0x80) {
      return Character.toLowerCase(c);
    }
    switch (c) {
      case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '\u02bc', '\uff07':
        return '\'';
      case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb', '\uff02':
        return '"';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58',
          '\ufe63', '\uff0d':
        return '-';
      case '\u00a0', '\u2007', '\u202f':
        return ' ';
      default:
        return Character.isSurrogate(c) ? c : Character.toLowerCase(c);
    }
  }
}
