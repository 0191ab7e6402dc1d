package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.RawArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.junit.jupiter.api.Test;

/**
 * {@link LanguageScorer} against OpenNLP's own detector, on every article of the golden test
 * (raw body and normalized text), crafted strings for each normalisation rule, and seeded random
 * strings over the characters those rules look at: the same normalised text, the same scores to
 * 1e-12, the same decision (on the 16-bit rows or, when too close to call, the exact ones), the
 * same answer from {@link LanguageGuess}. And on the corpus, the language of the
 * first {@link LanguageGuess#MAX_CHARS} characters is the language of the whole text.
 */
class NormalizeLanguageScorerTest {

  private static final String[] CRAFTED = {"", " ", "-", "--", "a-b", "\ue000x", "\uffff\ufffd",
      "\ud83d\ude00 smile", "\ud800", "\udc00", "\ud83c", "lone \ud83d end", "x\ud801\udc00y",
      "https://example.org/a?b=c&d#e tail", "http://x", "mail jane.doe+x@example-mail.co.uk now",
      "@user and #tag", "a@b", "RT: rt rt :rt Rt  art rtx", "Court ruling", ":-) :) ;( xD XP x-o",
      "export experts explain", "hahaha jajaja HaHa hehe hihi jijiji hoho ha ah", "Jajaj",
      "2024, 1.8 billion and 312 to 97", "a  b\t\tc\n\nd \n e", "aaa bbbb CCC cCc ...", "---",
      "\ud83d\ude00\ud83d\ude00\ud83d\ude00", "wwwwhat!!!", " trim me ", "\u000bx\u000b",
      "\u00c9COLE \u0130stanbul \u1e9e", "\u00a0non\u00a0breaking", "\u0661\u0662 arabic digits"};
  private static final String ALPHABET = "aAhHjJeEiIoOuUrRtTxXdDpP:;-()@#./ \n\t\r0123456789"
      + "\u00e9\u00df\u0130\ue000\ufffd\u2014\u2019";

  private final Normalizer normalizer = new Normalizer(1 << 20);
  private final AggregateCharSequenceNormalizer opennlp = new AggregateCharSequenceNormalizer(
      EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
      TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
      ShrinkCharSequenceNormalizer.getInstance());

  private List<String> texts() {
    List<String> texts = new ArrayList<>(List.of(CRAFTED));
    for (RawArticle raw : NormalizeGoldenTest.inputs().values()) {
      texts.add(raw.body());
      try {
        texts.add(normalizer.normalize(raw).text());
      } catch (InvalidArticleException rejected) {
        // its raw body is in the list
      }
    }
    Random random = new Random(7);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int j = 0; j < length; j++) {
        s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      texts.add(s.toString());
    }
    return texts;
  }

  @Test
  void shouldNormaliseEveryTextAsOpenNlpDoes() {
    for (String text : texts()) {
      assertThat(LanguageScorer.normalize(text)).as("normalised %s", text)
          .isEqualTo(opennlp.normalize(text).toString());
    }
  }

  @Test
  void shouldScoreEveryTextAsOpenNlpDoes() {
    assertThat(LanguageGuess.scored()).as("the scorer passed its check at load").isTrue();
    LanguageScorer scorer = LanguageScorer.of(LanguageGuess.model(), "probe text");
    LanguageScorer.Scratch scratch = new LanguageScorer.Scratch(scorer);
    LanguageDetectorME detector = new LanguageDetectorME(LanguageGuess.model());
    List<String> languages = List.of(new LanguageDetectorME(LanguageGuess.model())
        .getSupportedLanguages());
    int compared = 0;
    for (String text : texts()) {
      String sample = text.length() <= LanguageGuess.MAX_CHARS ? text
          : text.substring(0, LanguageGuess.MAX_CHARS);
      Language[] expected = detector.predictLanguages(sample);
      double[] got = scorer.scores(sample, scratch);
      for (Language l : expected) {
        assertThat(got[languages.indexOf(l.getLang())]).as("%s in %s", l.getLang(), sample)
            .isCloseTo(l.getConfidence(), org.assertj.core.data.Offset.offset(1e-12));
      }
      int decided = scorer.guess(sample, scratch, 0.5, 1.5);
      boolean unsure = expected[0].getConfidence() < 0.5
          && expected[0].getConfidence() < expected[1].getConfidence() * 1.5;
      assertThat(decided < 0 ? null : scorer.language(decided)).as("decision on %s", sample)
          .isEqualTo(unsure ? null : expected[0].getLang());
      assertThat(LanguageGuess.of(text)).as("language of %s", sample)
          .isEqualTo(openNlpGuess(expected, sample));
      compared++;
    }
    assertThat(compared).isGreaterThan(3_500);
    // both ways of deciding were taken: the 16-bit rows, and the exact ones when too close
    assertThat(scratch.exactRecounts).isBetween(1, compared / 2);
    System.out.println("language decisions: " + compared + ", " + scratch.exactRecounts
        + " of them recomputed with the exact rows");
  }

  /** What {@link LanguageGuess} answered with OpenNLP's detector, before the scorer. */
  private static String openNlpGuess(Language[] guesses, String sample) {
    long letters = sample.chars().filter(Character::isLetter).count();
    if (letters < LanguageGuess.MIN_LETTERS) {
      return null;
    }
    double best = guesses[0].getConfidence();
    double next = guesses[1].getConfidence();
    if (best < 0.5 && best < next * 1.5) {
      return null;
    }
    String code = guesses[0].getLang();
    for (String two : java.util.Locale.getISOLanguages()) {
      if (java.util.Locale.forLanguageTag(two).getISO3Language().equals(code)) {
        return two;
      }
    }
    return java.util.Map.of("cmn", "zh", "pes", "fa", "lvs", "lv", "ekk", "et", "plt", "mg",
        "pnb", "pa", "nob", "nb", "nno", "nn", "zsm", "ms").getOrDefault(code, code);
  }

  @Test
  void shouldFindTheLanguageOfTheWholeTextInItsFirstCharacters() {
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    for (var input : NormalizeGoldenTest.inputs().entrySet()) {
      if (input.getKey().startsWith("generated/")) {
        continue; // a few sentences each, all within the sample
      }
      String text;
      try {
        text = normalizer.normalize(input.getValue()).text();
      } catch (InvalidArticleException rejected) {
        continue;
      }
      String sampled = LanguageGuess.of(text);
      String whole = LanguageGuess.of(text, Integer.MAX_VALUE);
      compared++;
      if (!java.util.Objects.equals(sampled, whole)) {
        disagreements.add(input.getKey() + ": " + sampled + " from the sample, " + whole
            + " from all " + text.length() + " characters");
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(compared).isGreaterThan(80);
  }
}
