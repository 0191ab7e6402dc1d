package io.policywire.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Part-of-speech tagging only windows around candidate names must find exactly the names that
 * tagging whole sentences finds, on every text the tests hold (and the corpus seeds when there).
 */
class EntityNameWindowTest {

  private static List<String> texts() throws IOException {
    List<Path> roots = List.of(Path.of("src/test/resources/entities"),
        Path.of("src/test/resources/stance"), Path.of("src/test/resources/dedupe"),
        Path.of("src/test/resources/normalize"), Path.of("src/test/resources/actions"),
        Path.of("../shared/corpus/seeds"));
    List<String> out = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = p.getFileName().toString();
          if (name.endsWith(".txt") || name.endsWith(".json") || name.endsWith(".tsv")) {
            out.add(Files.readString(p));
          }
        }
      }
    }
    return out;
  }

  /**
   * The names the tagger can keep: one without a head word that overlaps a dictionary hit is
   * dropped there (whatever its tags), so only the others must match.
   */
  private static List<NameFinder.Name> kept(List<NameFinder.Name> names, BitSet covered) {
    return names.stream()
        .filter(n -> n.strongCue() || covered.get(n.start(), n.end()).isEmpty())
        .toList();
  }

  @Test
  void shouldFindTheSameNamesAsWholeSentenceTagging() throws IOException {
    NameFinder finder = NameFinder.load();
    DictionaryMatcher matcher = new DictionaryMatcher(KnowledgeBase.builtIn());
    int names = 0;
    List<String> texts = texts();
    assertThat(texts).hasSizeGreaterThan(20);
    for (String text : texts) {
      BitSet covered = new BitSet(text.length());
      for (DictionaryMatcher.Hit h : matcher.findAll(text).hits()) {
        covered.set(h.start(), h.end());
      }
      for (BitSet c : List.of(covered, new BitSet())) {
        List<NameFinder.Name> windowed = kept(finder.find(text, c), c);
        List<NameFinder.Name> whole = kept(finder.findTaggingWholeSentences(text, c), c);
        assertThat(windowed).isEqualTo(whole);
        names += whole.size();
      }
    }
    assertThat(names).isGreaterThan(100);
  }
}
