package io.policywire.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  void shouldShapeNamesAsTheRegexDid() {
    for (String w : List.of("Zeng", "O'Brien", "Jean-Luc", "J.", "\u00C9mile", "zeng", "", "Z",
        "Z3", "Ab,", "\u01C5a", "D\u2019Amato", "X\uD835\uDC00", "\uD835\uDC00b", "Ab_")) {
      assertThat(NameFinder.nameShaped(w)).as(w)
          .isEqualTo(w.matches("\\p{Lu}[\\p{L}'\u2019.-]*"));
    }
  }

  @Test
  void shouldSplitSentencesAsTheRegexDoes() throws IOException {
    Pattern sentence = Pattern.compile("[^\\n]+?(?:[.!?]+[\"\u201D\u2019)]?(?=\\s)|$)",
        Pattern.MULTILINE);
    List<String> texts = new ArrayList<>(texts());
    texts.addAll(List.of("", "a", ".", "\n\n", "A. B", "Hi!! \"Yes.\" No?) x", "a..b c.",
        "end.\u201D\nNext", "x\r\ny", "\r\nz", "a\rb\u2028c\u0085d\u2029", "a.\tb",
        "a.\u00A0b", "Tab.\u000Bx", "q?)", "q?) ", "...", "U.S. said. Then"));
    for (String text : texts) {
      List<String> expected = new ArrayList<>();
      Matcher m = sentence.matcher(text);
      while (m.find()) {
        expected.add(m.start() + "-" + m.end());
      }
      List<String> actual = new ArrayList<>();
      int start = 0;
      while (start < text.length()) {
        if (text.charAt(start) == '\n') {
          start++;
          continue;
        }
        int end = NameFinder.sentenceEnd(text, start);
        if (end < 0) {
          start++;
          continue;
        }
        actual.add(start + "-" + end);
        start = end;
      }
      assertThat(actual).as(text).isEqualTo(expected);
    }
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
