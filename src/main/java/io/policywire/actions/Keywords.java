package io.policywire.actions;

import java.util.List;

/**
 * Lower-case words at least one of which every match of a pattern contains. A substring search
 * costs a fraction of a case-insensitive regular expression with word boundaries, and most
 * sentences hold none of a pattern's words, so the pattern runs only where it could match.
 * Listing the words is on whoever writes the pattern; the golden-output test catches a word
 * left out.
 */
record Keywords(List<String> words) {

  static Keywords of(String... words) {
    return new Keywords(List.of(words));
  }

  /** Whether {@code lowered} (from {@link #lower}) holds one of the words. */
  boolean anyIn(String lowered) {
    for (String w : words) {
      if (lowered.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * ASCII letters lower-cased, every other character kept, so offsets do not move: exactly what
   * {@code (?i)} without {@code UNICODE_CASE} treats as equal.
   */
  static String lower(String s) {
    int i = 0;
    while (i < s.length() && !isUpper(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < out.length; i++) {
      if (isUpper(out[i])) {
        out[i] = (char) (out[i] + ('a' - 'A'));
      }
    }
    return new String(out);
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
