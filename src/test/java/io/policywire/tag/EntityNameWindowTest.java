package io.policywire.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * Part-of-speech tagging only windows around candidate names, greedily, must find the names that
 * tagging whole sentences with the model's beam search finds, on every text the tests hold (and
 * the corpus seeds when there); every difference is listed.
 */
class EntityNameWindowTest {

  static List<String> texts() throws IOException {
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
      eachSentence(text, (start, end) -> actual.add(start + "-" + end));
      assertThat(actual).as(text).isEqualTo(expected);
    }
  }

  /** Receives one sentence's start and end. */
  private interface SentenceSink {
    void accept(int start, int end);
  }

  /** Each sentence's start and end as {@link NameFinder} walks a text. */
  private static void eachSentence(String text, SentenceSink sink) {
    int start = 0;
    while (start < text.length()) {
      int end = text.charAt(start) == '\n' ? -1 : NameFinder.sentenceEnd(text, start);
      if (end < 0) {
        start++;
        continue;
      }
      sink.accept(start, end);
      start = end;
    }
  }

  /**
   * Every sentence of the texts as {@link NameFinder} tokenizes it (for the tag-level checks).
   */
  private static List<String[]> sentences(List<String> texts) {
    List<String[]> out = new ArrayList<>();
    for (String text : texts) {
      eachSentence(text, (start, end) -> {
        String s = text.substring(start, end).replace('\u2019', '\'');
        Span[] spans = Tokens.tokenize(s);
        if (spans.length > 0) {
          String[] words = new String[spans.length];
          for (int i = 0; i < spans.length; i++) {
            words[i] = spans[i].getCoveredText(s).toString();
          }
          out.add(words);
        }
      });
    }
    return out;
  }

  /**
   * The greedy tags (the tagger's with a beam of one, and the decoder's, whole or stopped half
   * way) are the beam search's, on every sentence.
   */
  @Test
  void shouldTagEverySentenceAsTheBeamSearchDoesWithABeamOfOne() throws IOException {
    POSModel model;
    try (InputStream in = NameFinder.class.getResourceAsStream(NameFinder.POS_MODEL)) {
      model = new POSModel(in);
    }
    POSTaggerME beam = new POSTaggerME(model);
    POSTaggerME greedy = new POSTaggerME(NameFinder.greedy(model));
    NameFinder.GreedyDecoder decoder = new NameFinder.GreedyDecoder(model);
    int tokens = 0;
    for (String[] words : sentences(texts())) {
      String[] expected = beam.tag(words);
      assertThat(greedy.tag(words)).as(String.join(" ", words)).isEqualTo(expected);
      String[] decoded = new String[words.length];
      decoder.tag(words, words.length, decoded, 0);
      assertThat(decoded).as(String.join(" ", words)).isEqualTo(expected);
      String[] prefix = new String[words.length];
      decoder.tag(words, words.length / 2, prefix, 0);
      assertThat(Arrays.copyOf(prefix, words.length / 2)).as(String.join(" ", words))
          .isEqualTo(Arrays.copyOf(expected, words.length / 2));
      tokens += words.length;
    }
    assertThat(tokens).isGreaterThan(10_000);
  }

  /**
   * Inside a sentence, the words the model calls pronoun or determiner are that closed class,
   * except first names and brands it mistakes for pronouns; windows skip clusters without one.
   */
  @Test
  void shouldCallOnlyTheClosedClassPronounOrDeterminerInsideASentence() throws IOException {
    POSTaggerME beam;
    try (InputStream in = NameFinder.class.getResourceAsStream(NameFinder.POS_MODEL)) {
      beam = new POSTaggerME(new POSModel(in));
    }
    Set<String> others = new TreeSet<>();
    for (String[] words : sentences(texts())) {
      String[] tags = beam.tag(words);
      for (int i = 0; i < words.length; i++) {
        if (Character.isUpperCase(words[i].charAt(0)) && !NameFinder.sentenceStart(words, i)
            && (tags[i].equals("PRON") || tags[i].equals("DET"))
            && !NameFinder.closedClass(words[i]) && !MARKUP.matcher(words[i]).find()) {
          others.add(words[i]);
        }
      }
    }
    assertThat(others).containsExactly(MISTAKEN_FOR_PRONOUNS.toArray(new String[0]));
  }

  /** Names the model calls pronouns inside a sentence, on the texts. */
  private static final List<String> MISTAKEN_FOR_PRONOUNS =
      List.of("Huawei", "Margrethe", "Thierry", "WeChat", "WhatsApp");

  /**
   * Tokens of JSON escapes and link markup in test resources ("WhatsApp](org:whatsapp)"), left
   * out: no article holds them.
   */
  private static final Pattern MARKUP = Pattern.compile("[\\\\\\[\\]()]");

  /**
   * The check on a sentence's chars that spares tokenizing it never skips one with a candidate
   * cluster, on every sentence of the texts and on sentences made to trip it.
   */
  @Test
  void shouldSkipOnlySentencesWithoutACandidateCluster() throws IOException {
    NameFinder finder = NameFinder.load();
    DictionaryMatcher matcher = new DictionaryMatcher(KnowledgeBase.builtIn());
    List<String> texts = new ArrayList<>(texts());
    texts.addAll(List.of("Meta Zorvex said so.", "J. Zorvex said so.", "Meta of Zorvex rose.",
        "The firm Zorvex said.", "Zorvex, a startup, said.", "It is in Zorvia startups.",
        "U.S. Zorvex fell.", "Apple's Zorvex fell.", "A start-up Zorvex rose.",
        "He met Zorvex) and left.", "On Monday.\u201D Zorvex rose.", "F-35 Zorvex rose.",
        "Tim Cook\u2019s Zorvex fell.", "See Zorvex.", "Zorvex Labs hired.", "said Zorvex Lee"));
    int[] skipped = {0};
    int[] candidates = {0};
    for (String text : texts) {
      BitSet covered = new BitSet(text.length());
      for (DictionaryMatcher.Hit h : matcher.findAll(text).hits()) {
        covered.set(h.start(), h.end());
      }
      char[] chars = text.toCharArray();
      for (BitSet c : List.of(covered, new BitSet())) {
        eachSentence(text, (start, end) -> {
          boolean candidate = finder.hasCandidate(text, start, end, c);
          boolean maySeed = NameFinder.maySeed(chars, start, end, c);
          assertThat(!candidate || maySeed).as(text.substring(start, end)).isTrue();
          skipped[0] += maySeed ? 0 : 1;
          candidates[0] += candidate ? 1 : 0;
        });
      }
    }
    assertThat(candidates[0]).isGreaterThan(100);
    assertThat(skipped[0]).isGreaterThan(100);
  }

  /**
   * Windowed greedy tagging against whole sentences with the model's beam search: the same
   * names when dictionary hits cover the text (what the tagger runs), and with nothing covered
   * the same but for names whose first word the model mistakes for a pronoun, which the
   * windows take as names (listed here, every one).
   */
  @Test
  void shouldFindTheSameNamesAsWholeSentenceTagging() throws IOException {
    NameFinder finder = NameFinder.load();
    DictionaryMatcher matcher = new DictionaryMatcher(KnowledgeBase.builtIn());
    int names = 0;
    List<String> texts = texts();
    assertThat(texts).hasSizeGreaterThan(20);
    List<String> differences = new ArrayList<>();
    for (String text : texts) {
      BitSet covered = new BitSet(text.length());
      for (DictionaryMatcher.Hit h : matcher.findAll(text).hits()) {
        covered.set(h.start(), h.end());
      }
      for (BitSet c : List.of(covered, new BitSet())) {
        List<NameFinder.Name> windowed = kept(finder.find(text, c), c);
        List<NameFinder.Name> whole = kept(finder.findTaggingWholeSentences(text, c), c);
        String coverage = c == covered ? "dictionary" : "nothing";
        windowed.stream().filter(n -> !whole.contains(n))
            .forEach(n -> differences.add(coverage + " covered, only windowed: " + n.name()));
        whole.stream().filter(n -> !windowed.contains(n))
            .forEach(n -> differences.add(coverage + " covered, only whole: " + n.name()));
        names += whole.size();
      }
    }
    assertThat(differences).containsExactly(
        "nothing covered, only windowed: Margrethe Vestager",
        "nothing covered, only windowed: Thierry Breton");
    assertThat(names).isGreaterThan(100);
  }
}
