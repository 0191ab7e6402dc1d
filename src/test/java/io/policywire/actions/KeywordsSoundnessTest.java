package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.tag.EntityTagger;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A pattern guarded by {@link Keywords} must never match text that holds none of its words, or
 * the guard would hide a match. Checked for every lexicon entry, technology term and guarded
 * pattern of the detector, over every sentence of {@link ActionCorpus}, every prefix of those
 * sentences (the detector tests what precedes a trigger), and generated sentences that mix corpus
 * words with the patterns' own words in random case.
 */
class KeywordsSoundnessTest {

  @Test
  void shouldFindAKeywordWhereverAGuardedPatternMatches() throws Exception {
    List<CuedPattern> guarded = guarded();
    List<String> texts = texts(guarded);
    List<String> misses = new ArrayList<>();
    int matches = 0;
    for (CuedPattern p : guarded) {
      for (String t : texts) {
        if (p.pattern().matcher(t).find()) {
          matches++;
          if (!p.words().anyIn(t) && misses.size() < 10) {
            misses.add(p.pattern() + " matches without a keyword: " + t);
          }
        }
      }
    }
    assertThat(matches).as("the texts exercise the patterns").isGreaterThan(10_000);
    assertThat(misses).isEmpty();
  }

  @Test
  void shouldTellGroupsApartAndHonourWordStarts() {
    Keywords k = Keywords.of(List.of(List.of("\\bban", "order"), List.of("ai"), List.of(";")));
    assertThat(k.groupsIn("An urban ORDER")).isEqualTo(1L);
    assertThat(k.groupsIn("urban planning")).isZero();
    assertThat(k.groupsIn("BAN it; said")).isEqualTo(7L);
    assertThat(k.groupsIn("x-ban")).isEqualTo(1L);
    assertThat(k.groupsIn("\u00e9ban")).isEqualTo(1L);
  }

  private static List<CuedPattern> guarded() throws IllegalAccessException {
    List<CuedPattern> out = new ArrayList<>(TriggerLexicon.cuedPatterns());
    out.addAll(TechTerms.cuedPatterns());
    int fromTheLists = out.size();
    for (Field f : ActionDetector.class.getDeclaredFields()) {
      if (f.getType() == CuedPattern.class && Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        out.add((CuedPattern) f.get(null));
      }
    }
    assertThat(out.size()).as("the detector's own guarded patterns").isGreaterThan(fromTheLists);
    return out;
  }

  private static List<String> texts(List<CuedPattern> guarded) {
    List<String> sentences = new ArrayList<>();
    for (ActionCorpus.Input in : ActionCorpus.texts(EntityTagger.defaults())) {
      Sentences.split(in.text()).forEach(s -> sentences.add(s.text()));
    }
    List<String> texts = new ArrayList<>(sentences);
    for (String s : sentences) {
      for (int i = s.indexOf(' '); i > 0; i = s.indexOf(' ', i + 1)) {
        texts.add(s.substring(0, i + 1));
      }
    }
    List<String> vocabulary = vocabulary(sentences, guarded);
    Random random = new Random(11);
    for (int i = 0; i < 30_000; i++) {
      texts.add(generated(vocabulary, random));
    }
    return texts;
  }

  private static String generated(List<String> vocabulary, Random random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = 3 + random.nextInt(20); i < n; i++) {
      String w = vocabulary.get(random.nextInt(vocabulary.size()));
      b.append(random.nextInt(4) == 0 ? w.toUpperCase(Locale.ROOT) : w);
      b.append(switch (random.nextInt(10)) {
        case 0 -> ", ";
        case 1 -> "-";
        case 2 -> " $" + random.nextInt(900) + " ";
        default -> " ";
      });
    }
    return b.toString();
  }

  /** Corpus words, and the literal words of every pattern under test. */
  private static List<String> vocabulary(List<String> sentences, List<CuedPattern> guarded) {
    Set<String> words = new LinkedHashSet<>();
    Matcher m = Pattern.compile("[\\w'$€£%.]+").matcher(String.join(" ", sentences));
    while (m.find()) {
      words.add(m.group());
    }
    for (CuedPattern p : guarded) {
      for (String part : p.pattern().pattern().split("\\\\[bdsw]|[|()?:\\[\\]{}*+\\\\^$,0-9]+")) {
        if (!part.isBlank()) {
          words.add(part.trim());
        }
      }
    }
    return new ArrayList<>(words);
  }
}
