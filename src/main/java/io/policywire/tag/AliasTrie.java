package io.policywire.tag;

import java.util.Arrays;
import java.util.Map;

/**
 * Folded alias keys in a trie of flat arrays, walked from each word start of a folded text: every
 * key found starting there is reported, so the hits are those of an Aho-Corasick automaton over
 * the text whose start is on a word boundary, the only ones {@link DictionaryMatcher} keeps.
 *
 * <p>Hand-written rather than {@code org.ahocorasick}'s {@code PayloadTrie}, which it replaced:
 * that automaton keeps each state's transitions in a {@code HashMap<Character, State>}, so every
 * character of every article cost a hash look-up or several (following failure links), most of
 * the dictionary path's time. Here a step is a scan of a few chars in one array or, at a node
 * with many children, one table read, and only word starts are walked, mostly a few characters
 * deep. {@code AliasTrieTest} checks that it finds exactly the automaton's hits on every test
 * text.
 */
final class AliasTrie<T> {

  /** Receives one key found: its first and last index in the text, and the key's value. */
  interface Sink<T> {
    void hit(int start, int endInclusive, T value);
  }

  /** Node {@code n}'s children are edges {@code first[n]} to {@code first[n] + count[n] - 1}. */
  private final int[] first;
  private final int[] count;
  /** Edge labels, sorted within each node, and the child node each edge leads to. */
  private final char[] labels;
  private final int[] targets;
  /** The value of the key ending at a node, or null. */
  private final Object[] values;
  /**
   * For a node of more than {@value #SCANNED} children (the root and the first letters), a
   * table of its children from its lowest label to its highest, -1 where there is none: a step
   * there is one array read instead of a binary search. Nodes with labels too far apart keep
   * the binary search.
   */
  private final int[] tableAt;
  private final char[] tableFrom;
  private final char[] tableSize;
  private int[] tables = new int[0];

  private static final int SCANNED = 8;
  private static final int MAX_TABLE = 1024;

  private int nodes;
  private int edges;

  private AliasTrie(int capacity) {
    first = new int[capacity];
    count = new int[capacity];
    tableAt = new int[capacity];
    tableFrom = new char[capacity];
    tableSize = new char[capacity];
    labels = new char[capacity];
    targets = new int[capacity];
    values = new Object[capacity];
  }

  /** A trie over the keys of {@code byKey} (none empty). */
  static <T> AliasTrie<T> of(Map<String, T> byKey) {
    String[] keys = byKey.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    int chars = 1;
    for (String k : keys) {
      if (k.isEmpty()) {
        throw new IllegalArgumentException("empty key");
      }
      chars += k.length();
    }
    AliasTrie<T> trie = new AliasTrie<>(chars);
    trie.build(keys, byKey, 0, keys.length, 0);
    trie.tabulate();
    return trie;
  }

  /** Adds the node for keys[lo, hi), which share their first {@code depth} chars; its id. */
  private int build(String[] keys, Map<String, T> byKey, int lo, int hi, int depth) {
    int node = nodes++;
    if (keys[lo].length() == depth) {
      values[node] = byKey.get(keys[lo]);
      lo++;
    }
    int children = 0;
    for (int k = lo; k < hi; k++) {
      if (k == lo || keys[k].charAt(depth) != keys[k - 1].charAt(depth)) {
        children++;
      }
    }
    int edge = edges;
    first[node] = edge;
    count[node] = children;
    edges += children;
    int from = lo;
    for (int k = lo + 1; k <= hi; k++) {
      if (k == hi || keys[k].charAt(depth) != keys[from].charAt(depth)) {
        labels[edge] = keys[from].charAt(depth);
        targets[edge] = build(keys, byKey, from, k, depth + 1);
        edge++;
        from = k;
      }
    }
    return node;
  }

  /** Tables for the nodes with many children whose labels span at most {@value #MAX_TABLE}. */
  private void tabulate() {
    int size = 0;
    for (int node = 0; node < nodes; node++) {
      if (count[node] > SCANNED) {
        int span = labels[first[node] + count[node] - 1] - labels[first[node]] + 1;
        if (span <= MAX_TABLE) {
          size += span;
        }
      }
    }
    tables = new int[size];
    Arrays.fill(tables, -1);
    int at = 0;
    for (int node = 0; node < nodes; node++) {
      int lo = first[node];
      int hi = lo + count[node] - 1;
      if (count[node] > SCANNED && labels[hi] - labels[lo] < MAX_TABLE) {
        tableAt[node] = at;
        tableFrom[node] = labels[lo];
        tableSize[node] = (char) (labels[hi] - labels[lo] + 1);
        for (int e = lo; e <= hi; e++) {
          tables[at + labels[e] - labels[lo]] = targets[e];
        }
        at += tableSize[node];
      }
    }
  }

  /** The child of {@code node} along {@code c}, or -1. */
  private int child(int node, char c) {
    int lo = first[node];
    int hi = lo + count[node] - 1;
    if (hi - lo < SCANNED) {
      for (int e = lo; e <= hi; e++) {
        if (labels[e] == c) {
          return targets[e];
        }
      }
      return -1;
    }
    if (tableSize[node] > 0) {
      int k = c - tableFrom[node];
      return k >= 0 && k < tableSize[node] ? tables[tableAt[node] + k] : -1;
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char m = labels[mid];
      if (m < c) {
        lo = mid + 1;
      } else if (m > c) {
        hi = mid - 1;
      } else {
        return targets[mid];
      }
    }
    return -1;
  }

  /** Every key that starts at {@code start} of {@code text[0, length)}, shortest first. */
  @SuppressWarnings("unchecked")
  void matchAt(char[] text, int length, int start, Sink<T> sink) {
    if (start >= length) {
      return;
    }
    int node = child(0, text[start]);
    for (int i = start; node >= 0; ) {
      if (values[node] != null) {
        sink.hit(start, i, (T) values[node]);
      }
      if (++i == length) {
        return;
      }
      node = child(node, text[i]);
    }
  }
}
