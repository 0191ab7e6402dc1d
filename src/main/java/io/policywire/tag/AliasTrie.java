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
 * the dictionary path's time. Here a chain of single children is one node with a run of chars
 * (a radix trie), a step reads a node's few ints and scans a few adjacent edges or, at a node
 * with many children, reads one table entry; and only word starts are walked, mostly a few
 * characters deep. {@code AliasTrieTest} checks that it finds exactly the
 * automaton's hits on every test text.
 */
final class AliasTrie<T> {

  /** Receives one key found: its first and last index in the text, and the key's value. */
  interface Sink<T> {
    void hit(int start, int endInclusive, T value);
  }

  private static final int SCANNED = 8;
  private static final int MAX_TABLE = 1024;
  private static final int HAS_VALUE = 1 << 31;
  private static final int FIELDS = 5;

  /**
   * Five ints a node, read together: its first edge, its edge count (with {@link #HAS_VALUE} set
   * when a key ends there), where its table starts in {@link #tables} (or -1), and the chars that
   * lead to it from its parent as an offset and a length in {@link #segments}: a chain of nodes
   * with one child each is one node, so a walk reads a few nodes and then runs of chars.
   */
  private final int[] nodes;
  /** Two ints an edge, label then child node; a node's edges are adjacent, sorted by label. */
  private final int[] edges;
  private final char[] segments;
  /** The value of the key ending at a node, or null. */
  private final Object[] values;
  /**
   * For a node of more than {@value #SCANNED} children (the root and the first letters): its
   * lowest label, the span of its labels, then the child for each label in that span (-1 where
   * there is none), so a step there is one array read instead of a binary search. Nodes whose
   * labels lie more than {@value #MAX_TABLE} apart keep the binary search.
   */
  private int[] tables = new int[0];

  private int nodeCount;
  private int edgeCount;
  private int segmentLength;

  private AliasTrie(int keys, int chars) {
    nodes = new int[FIELDS * (2 * keys + 1)];
    edges = new int[2 * (2 * keys + 1)];
    segments = new char[chars];
    values = new Object[2 * keys + 1];
  }

  /** A trie over the keys of {@code byKey} (none empty). */
  static <T> AliasTrie<T> of(Map<String, T> byKey) {
    String[] keys = byKey.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    int chars = 0;
    for (String k : keys) {
      if (k.isEmpty()) {
        throw new IllegalArgumentException("empty key");
      }
      chars += k.length();
    }
    AliasTrie<T> trie = new AliasTrie<>(keys.length, chars);
    trie.build(keys, byKey, 0, keys.length, 0, 0);
    trie.tabulate();
    return trie;
  }

  /**
   * Adds the node for keys[lo, hi), which share their first {@code depth} chars, reached by the
   * chars {@code keys[lo][from, depth)}; its id. Keys end only at nodes, never inside a chain.
   */
  private int build(String[] keys, Map<String, T> byKey, int lo, int hi, int from, int depth) {
    int node = nodeCount++;
    int at = FIELDS * node;
    keys[lo].getChars(from, depth, segments, segmentLength);
    nodes[at + 3] = segmentLength;
    nodes[at + 4] = depth - from;
    segmentLength += depth - from;
    int flag = 0;
    if (keys[lo].length() == depth) {
      values[node] = byKey.get(keys[lo]);
      flag = HAS_VALUE;
      lo++;
    }
    int children = 0;
    for (int k = lo; k < hi; k++) {
      if (k == lo || keys[k].charAt(depth) != keys[k - 1].charAt(depth)) {
        children++;
      }
    }
    int edge = edgeCount;
    nodes[at] = edge;
    nodes[at + 1] = children | flag;
    nodes[at + 2] = -1;
    edgeCount += children;
    int group = lo;
    for (int k = lo + 1; k <= hi; k++) {
      if (k == hi || keys[k].charAt(depth) != keys[group].charAt(depth)) {
        // the group's common prefix: sorted, so its first and last keys bound it
        String a = keys[group];
        String b = keys[k - 1];
        int end = depth + 1;
        while (end < a.length() && end < b.length() && a.charAt(end) == b.charAt(end)) {
          end++;
        }
        edges[2 * edge] = a.charAt(depth);
        edges[2 * edge + 1] = build(keys, byKey, group, k, depth, end);
        edge++;
        group = k;
      }
    }
    return node;
  }

  private void tabulate() {
    int[] out = new int[0];
    int size = 0;
    for (int node = 0; node < nodeCount; node++) {
      int first = nodes[FIELDS * node];
      int count = nodes[FIELDS * node + 1] & ~HAS_VALUE;
      if (count <= SCANNED) {
        continue;
      }
      int low = edges[2 * first];
      int span = edges[2 * (first + count - 1)] - low + 1;
      if (span > MAX_TABLE) {
        continue;
      }
      if (size + 2 + span > out.length) {
        out = Arrays.copyOf(out, Math.max(2 * out.length, size + 2 + span));
      }
      nodes[FIELDS * node + 2] = size;
      out[size] = low;
      out[size + 1] = span;
      Arrays.fill(out, size + 2, size + 2 + span, -1);
      for (int e = first; e < first + count; e++) {
        out[size + 2 + edges[2 * e] - low] = edges[2 * e + 1];
      }
      size += 2 + span;
    }
    tables = Arrays.copyOf(out, size);
  }

  /** The child of {@code node} whose chars start with {@code c}, or -1. */
  private int child(int node, char c) {
    int lo = nodes[FIELDS * node];
    int count = nodes[FIELDS * node + 1] & ~HAS_VALUE;
    if (count <= SCANNED) {
      for (int e = 2 * lo, end = 2 * (lo + count); e < end; e += 2) {
        if (edges[e] == c) {
          return edges[e + 1];
        }
      }
      return -1;
    }
    int table = nodes[FIELDS * node + 2];
    if (table >= 0) {
      int k = c - tables[table];
      return k >= 0 && k < tables[table + 1] ? tables[table + 2 + k] : -1;
    }
    int hi = lo + count - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int m = edges[2 * mid];
      if (m < c) {
        lo = mid + 1;
      } else if (m > c) {
        hi = mid - 1;
      } else {
        return edges[2 * mid + 1];
      }
    }
    return -1;
  }

  /** Every key that starts at {@code start} of {@code text[0, length)}, shortest first. */
  @SuppressWarnings("unchecked")
  void matchAt(char[] text, int length, int start, Sink<T> sink) {
    int node = 0;
    int i = start;
    while (i < length) {
      node = child(node, text[i]);
      if (node < 0) {
        return;
      }
      int at = FIELDS * node;
      int segment = nodes[at + 3];
      int chars = nodes[at + 4];
      if (i + chars > length) {
        return;
      }
      // the first char matched the edge label; the rest of the chain must match the text
      for (int k = 1; k < chars; k++) {
        if (segments[segment + k] != text[i + k]) {
          return;
        }
      }
      i += chars;
      if ((nodes[at + 1] & HAS_VALUE) != 0) {
        sink.hit(start, i - 1, (T) values[node]);
      }
    }
  }
}
