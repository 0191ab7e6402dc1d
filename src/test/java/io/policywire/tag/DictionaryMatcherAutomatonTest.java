package io.policywire.tag;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;
import org.junit.jupiter.api.Test;

/**
 * The dictionary's automaton ({@code com.hankcs}, filtered to word starts) against
 * {@code org.ahocorasick}'s: the same hits starting on a word boundary, on every text the tests
 * hold and the corpus seeds.
 */
class DictionaryMatcherAutomatonTest {

  /** Every folded alias of the shipped knowledge base, plus keys that are awkward for a trie. */
  private static Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    for (KbEntity e : KnowledgeBase.builtIn().entities()) {
      List<String> surfaces = new ArrayList<>(e.aliases());
      surfaces.add(e.name());
      for (String s : surfaces) {
        String plain = s.endsWith("~") || s.endsWith("@") ? s.substring(0, s.length() - 1) : s;
        String key = FoldedText.key(plain);
        if (!key.isEmpty()) {
          keys.put(key, key);
        }
      }
    }
    for (String k : List.of("a", "a b", "ab", "abc", "-", "\"", "\u00e9mile", "x'", "1")) {
      keys.put(k, k);
    }
    return keys;
  }

  /** The hits as DictionaryMatcher gets them, from a folded text (spare chars after its end). */
  private static List<String> matcherHits(AhoCorasickDoubleArrayTrie<String> automaton,
      FoldedText folded) {
    List<String> out = new ArrayList<>();
    DictionaryMatcher.wordStartHits(automaton, folded.chars, folded.length,
        (start, end, key) -> out.add(start + "-" + end + " " + key));
    return out;
  }

  private static List<String> referenceHits(PayloadTrie<String> automaton, String folded) {
    List<String> out = new ArrayList<>();
    for (PayloadEmit<String> e : automaton.parseText(folded)) {
      int s = e.getStart();
      if (s == 0 || !FoldedText.isWordChar(folded.charAt(s - 1))) {
        out.add(s + "-" + e.getEnd() + " " + e.getPayload());
      }
    }
    return out;
  }

  @Test
  void shouldFindTheHitsOfTheReferenceAutomatonThatStartOnAWordBoundary() throws IOException {
    Map<String, String> keys = keys();
    AhoCorasickDoubleArrayTrie<String> automaton = DictionaryMatcher.automaton(keys);
    PayloadTrie.PayloadTrieBuilder<String> builder = PayloadTrie.builder();
    keys.forEach(builder::addKeyword);
    PayloadTrie<String> reference = builder.build();
    List<String> texts = new ArrayList<>(EntityNameWindowTest.texts());
    texts.add("a b abc ab-a \"-1 x' \u00e9mile");
    // folding drops whitespace runs, so the folded text is shorter than its array
    texts.add("a  b   abc\t\tab-a \"-1 x'   \u00e9mile    ");
    int hits = 0;
    for (String text : texts) {
      FoldedText folded = FoldedText.of(text);
      List<String> expected = referenceHits(reference, folded.folded());
      List<String> actual = matcherHits(automaton, folded);
      assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
      hits += expected.size();
    }
    assertThat(hits).isGreaterThan(1_000);
  }
}
