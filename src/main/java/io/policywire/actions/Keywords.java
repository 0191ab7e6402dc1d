package io.policywire.actions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups of lower-case words, one group per pattern: the words at least one of which every match
 * of the pattern contains. One pass over a sentence says which groups have a word in it, so a
 * pattern runs only where it could match; most sentences hold none of a pattern's words, and a
 * case-insensitive regular expression with word boundaries costs many times this pass. Listing
 * the words is on whoever writes the pattern; {@code KeywordsSoundnessTest} and the golden-output
 * test catch a word left out.
 *
 * <p>Words match ASCII letters case-insensitively and nothing else, exactly as {@code (?i)}
 * without {@code UNICODE_CASE} does, so a pattern's match always shows one of its words. A word
 * written with a leading {@code \b} ({@code "\\bban"} in Java) must also start a word, as the
 * pattern has it: not right after an ASCII letter, digit or underscore ("ban" but not "urban").
 *
 * <p>The pass is an Aho-Corasick automaton: one table step per character, whatever the number of
 * words.
 */
final class Keywords {

  private static final int ASCII = 128;
  private static final String BOUNDARY = "\\b";

  private final String[] words;
  private final long[] groupOfWord;
  private final boolean[] wordStart;
  /** Per character (folded; {@code ASCII} for any other), its class: 0 for none in a word. */
  private final int[] classOf = new int[ASCII + 1];
  private final int classes;
  /**
   * The automaton: from the row of a state ({@code state * classes}) plus a character's class,
   * the row of the next state, complemented ({@code ~row}, negative) when a word ends there. The
   * scan then costs two array reads per character and looks further only where a word ends.
   */
  private final int[] next;
  /** Per state, the groups of the words without a word-start condition that end there. */
  private final long[] groupsEnding;
  /** Per state, the words with a word-start condition that end there, or null. */
  private final int[][] startWordsEnding;

  private Keywords(List<List<String>> wordGroups) {
    if (wordGroups.size() > Long.SIZE) {
      throw new IllegalArgumentException("at most 64 groups");
    }
    List<String> all = new ArrayList<>();
    List<Long> groups = new ArrayList<>();
    for (int g = 0; g < wordGroups.size(); g++) {
      for (String w : wordGroups.get(g)) {
        all.add(w);
        groups.add(1L << g);
      }
    }
    words = new String[all.size()];
    wordStart = new boolean[all.size()];
    groupOfWord = groups.stream().mapToLong(Long::longValue).toArray();
    for (int i = 0; i < words.length; i++) {
      wordStart[i] = all.get(i).startsWith(BOUNDARY);
      words[i] = check(wordStart[i] ? all.get(i).substring(BOUNDARY.length()) : all.get(i));
    }
    classes = assignClasses();
    Automaton a = new Automaton(classes);
    for (int w = 0; w < words.length; w++) {
      a.add(w, words[w], classOf);
    }
    a.link();
    groupsEnding = new long[a.size()];
    startWordsEnding = new int[a.size()][];
    sortEndings(a);
    next = rows(a);
  }

  /** Each state's words: groups at once, word-start ones to check against the text. */
  private void sortEndings(Automaton a) {
    for (int s = 0; s < a.size(); s++) {
      for (int w : a.output(s)) {
        if (wordStart[w]) {
          startWordsEnding[s] = append(startWordsEnding[s], w);
        } else {
          groupsEnding[s] |= groupOfWord[w];
        }
      }
    }
  }

  /** The automaton's table with rows for states, flagged where a word ends (see {@link #next}). */
  private int[] rows(Automaton a) {
    int[] table = a.table();
    for (int i = 0; i < table.length; i++) {
      int state = table[i];
      table[i] = a.output(state).length > 0 ? ~(state * classes) : state * classes;
    }
    return table;
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
    int row = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      row = next[row + classOf[c < ASCII ? c : ASCII]];
      if (row < 0) {
        row = ~row;
        found |= ending(text, i, row / classes);
      }
    }
    return found;
  }

  /** The groups of the words that end at {@code i} in {@code state}. */
  private long ending(String text, int i, int state) {
    long found = groupsEnding[state];
    if (startWordsEnding[state] != null) {
      for (int w : startWordsEnding[state]) {
        int start = i + 1 - words[w].length();
        if (start == 0 || !wordCharacter(text.charAt(start - 1))) {
          found |= groupOfWord[w];
        }
      }
    }
    return found;
  }

  /** Whether {@code text} holds a word of any group. */
  boolean anyIn(String text) {
    return groupsIn(text) != 0;
  }

  /** One class per character some word holds, upper and lower case alike; 0 for the rest. */
  private int assignClasses() {
    int n = 1;
    for (String w : words) {
      for (char c : w.toCharArray()) {
        if (classOf[c] == 0) {
          classOf[c] = n++;
        }
      }
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      classOf[c] = classOf[c + ('a' - 'A')];
    }
    return n;
  }

  /** What {@code \b} surely counts as part of a word (beyond ASCII it counts more). */
  private static boolean wordCharacter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static String check(String word) {
    boolean lowerAscii = word.chars().allMatch(c -> c < ASCII && !(c >= 'A' && c <= 'Z'));
    if (word.isEmpty() || !lowerAscii) {
      throw new IllegalArgumentException("not lower-case ASCII: " + word);
    }
    return word;
  }

  private static int[] append(int[] array, int value) {
    int[] out = array == null ? new int[1] : Arrays.copyOf(array, array.length + 1);
    out[out.length - 1] = value;
    return out;
  }

  /** The textbook construction: a trie of the words, then failure links breadth first. */
  private static final class Automaton {

    private final int classes;
    private final List<int[]> edges = new ArrayList<>();
    private final List<int[]> outputs = new ArrayList<>();

    Automaton(int classes) {
      this.classes = classes;
      addState();
    }

    void add(int word, String text, int[] classOf) {
      int s = 0;
      for (char c : text.toCharArray()) {
        int cls = classOf[c];
        if (edges.get(s)[cls] < 0) {
          edges.get(s)[cls] = addState();
        }
        s = edges.get(s)[cls];
      }
      outputs.set(s, append(outputs.get(s), word));
    }

    /** Completes every state's edges, so that a missing edge follows the failure link. */
    void link() {
      int[] fail = new int[edges.size()];
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int c = 0; c < classes; c++) {
        int child = edges.get(0)[c];
        if (child < 0) {
          edges.get(0)[c] = 0;
        } else {
          queue.add(child);
        }
      }
      while (!queue.isEmpty()) {
        int r = queue.poll();
        for (int c = 0; c < classes; c++) {
          int s = edges.get(r)[c];
          if (s < 0) {
            edges.get(r)[c] = edges.get(fail[r])[c];
          } else {
            fail[s] = edges.get(fail[r])[c];
            for (int w : output(fail[s])) {
              outputs.set(s, append(outputs.get(s), w));
            }
            queue.add(s);
          }
        }
      }
    }

    int[] table() {
      int[] table = new int[edges.size() * classes];
      for (int s = 0; s < edges.size(); s++) {
        System.arraycopy(edges.get(s), 0, table, s * classes, classes);
      }
      return table;
    }

    int size() {
      return edges.size();
    }

    int[] output(int state) {
      int[] out = outputs.get(state);
      return out == null ? new int[0] : out;
    }

    private int addState() {
      int[] e = new int[classes];
      Arrays.fill(e, -1);
      edges.add(e);
      outputs.add(null);
      return edges.size() - 1;
    }
  }
}
