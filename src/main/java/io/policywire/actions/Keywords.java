package io.policywire.actions;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups of lower-case words, one group per pattern: the words at least one of which every match
 * of the pattern contains. One pass over a sentence says which groups have a word in it, so a
 * pattern runs only where it could match; most sentences hold none of a pattern's words, and a
 * case-insensitive regular expression with word boundaries costs many times this pass. Listing
 * the words is on whoever writes the pattern; the golden-output test catches a word left out.
 *
 * <p>Words match ASCII letters case-insensitively and nothing else, exactly as {@code (?i)}
 * without {@code UNICODE_CASE} does, so a pattern's match always shows one of its words. A word
 * written {@code \\bban} must also start a word, as the pattern has it: not right after an ASCII
 * letter, digit or underscore ("ban" but not "urban"; "order" but not "border").
 */
final class Keywords {

  private static final int ASCII = 128;
  private static final String BOUNDARY = "\\b";

  private final String[] words;
  private final boolean[] wordStart;
  /** Per word, the groups it belongs to, one bit each. */
  private final long[] groups;
  /** Per first two characters of a word, the indices of the words that start so. */
  private final int[][] byStart = new int[ASCII * ASCII][];

  private Keywords(List<List<String>> wordGroups) {
    if (wordGroups.size() > Long.SIZE) {
      throw new IllegalArgumentException("at most 64 groups");
    }
    List<String> all = new ArrayList<>();
    List<Long> bits = new ArrayList<>();
    for (int g = 0; g < wordGroups.size(); g++) {
      for (String w : wordGroups.get(g)) {
        all.add(w);
        bits.add(1L << g);
      }
    }
    wordStart = new boolean[all.size()];
    for (int i = 0; i < all.size(); i++) {
      wordStart[i] = all.get(i).startsWith(BOUNDARY);
      all.set(i, check(wordStart[i] ? all.get(i).substring(BOUNDARY.length()) : all.get(i)));
    }
    words = all.toArray(String[]::new);
    groups = bits.stream().mapToLong(Long::longValue).toArray();
    for (int i = 0; i < words.length; i++) {
      int key = key(words[i].charAt(0), words[i].charAt(1));
      int[] old = byStart[key] == null ? new int[0] : byStart[key];
      int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
      grown[old.length] = i;
      byStart[key] = grown;
    }
  }

  /** Group {@code i} is {@code wordGroups.get(i)}; at most 64 groups. */
  static Keywords of(List<List<String>> wordGroups) {
    return new Keywords(wordGroups);
  }

  /** A single group. */
  static Keywords of(String... words) {
    return new Keywords(List.of(List.of(words)));
  }

  /** The groups with a word in {@code text}: bit {@code i} for group {@code i}. */
  long groupsIn(String text) {
    long found = 0;
    for (int i = 0; i + 1 < text.length(); i++) {
      char a = fold(text.charAt(i));
      char b = fold(text.charAt(i + 1));
      int[] starting = a < ASCII && b < ASCII ? byStart[key(a, b)] : null;
      if (starting != null) {
        for (int w : starting) {
          if ((found & groups[w]) == 0 && at(text, i, words[w])
              && (!wordStart[w] || i == 0 || !wordCharacter(text.charAt(i - 1)))) {
            found |= groups[w];
          }
        }
      }
    }
    return found;
  }

  /** Whether {@code text} holds a word of any group. */
  boolean anyIn(String text) {
    return groupsIn(text) != 0;
  }

  private static boolean at(String text, int i, String word) {
    if (i + word.length() > text.length()) {
      return false;
    }
    for (int j = 2; j < word.length(); j++) {
      if (fold(text.charAt(i + j)) != word.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** What {@code \\b} surely counts as part of a word (it counts more, beyond ASCII). */
  private static boolean wordCharacter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static int key(char a, char b) {
    return a * ASCII + b;
  }

  private static String check(String word) {
    boolean ascii = word.chars().allMatch(c -> c < ASCII && fold((char) c) == c);
    if (word.length() < 2 || !ascii) {
      throw new IllegalArgumentException("not two or more lower-case ASCII characters: " + word);
    }
    return word;
  }
}
