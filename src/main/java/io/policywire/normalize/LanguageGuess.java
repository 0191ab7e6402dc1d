package io.policywire.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of an article body, with Apache OpenNLP's language detector and its published
 * model ({@code langdetect-183.bin}, 103 languages, from the {@code opennlp-models-langdetect}
 * artifact on the classpath). Always the body, never the headline: a dozen words are too few to
 * tell languages apart (the model's own advice is two sentences or more).
 *
 * <p>Answers ISO 639-1 codes ("en", "fr", "zh") where one exists, else the model's ISO 639-3
 * code. Returns null when the text is too short or the best guess is not clearly ahead of the
 * next one, so the caller can keep what the source said instead of a coin toss. Reads the first
 * {@link #MAX_CHARS} characters, six or so sentences where the model needs two: detection is
 * linear in its input and was most of the stage's time on whole articles. Scores with
 * {@link LanguageScorer}, OpenNLP's model and features without OpenNLP's per-call hash maps,
 * when it reproduces OpenNLP on this model (checked at load).
 */
final class LanguageGuess {

  static final int MIN_LETTERS = 40;
  static final int MAX_CHARS = 1000;
  // the model's confidences are spread over 103 classes: on a clear paragraph the best is far
  // ahead (often > 0.9), on a mixed or very short text it is barely ahead of the runner-up
  private static final double SURE = 0.5;
  private static final double LEAD = 1.5;

  private static final Map<String, String> ISO_639_1 = iso6391();
  // a paragraph the scorer must score as OpenNLP does before it is used
  private static final String PROBE = "The European Commission opened an investigation on "
      + "Tuesday into whether the company broke competition rules (report: https://ec.example/x)."
      + " Die Kommission pr\u00fcft seit 2023, ob das Unternehmen gegen Regeln versto\u00dfen hat.";
  private static final ThreadLocal<LanguageDetectorME> DETECTOR =
      ThreadLocal.withInitial(() -> new LanguageDetectorME(Model.INSTANCE));
  private static final ThreadLocal<LanguageScorer.Scratch> SCRATCH =
      ThreadLocal.withInitial(() -> new LanguageScorer.Scratch(Model.SCORER));

  private LanguageGuess() {}

  /** Loads the model now (once per JVM) rather than on the first article. */
  static void load() {
    if (Model.SCORER == null) {
      DETECTOR.get();
    }
  }

  static String of(String text) {
    return of(text, MAX_CHARS);
  }

  /** The language of the first {@code maxChars} characters of the text. */
  static String of(String text, int maxChars) {
    String sample = text.length() <= maxChars ? text : text.substring(0, maxChars);
    if (letters(sample) < MIN_LETTERS) {
      return null;
    }
    String code;
    if (Model.SCORER != null) {
      int first = Model.SCORER.guess(sample, SCRATCH.get(), SURE, LEAD);
      if (first < 0) {
        return null;
      }
      code = Model.SCORER.language(first);
    } else {
      Language[] guesses = DETECTOR.get().predictLanguages(sample);
      if (guesses.length == 0) {
        return null;
      }
      double best = guesses[0].getConfidence();
      double next = guesses.length > 1 ? guesses[1].getConfidence() : 0;
      if (best < SURE && best < next * LEAD) {
        return null;
      }
      code = guesses[0].getLang();
    }
    return ISO_639_1.getOrDefault(code, code);
  }

  /** The model, for tests that compare with OpenNLP's own detector. */
  static LanguageDetectorModel model() {
    return Model.INSTANCE;
  }

  /** Whether detection runs on {@link LanguageScorer} (else on OpenNLP's detector). */
  static boolean scored() {
    return Model.SCORER != null;
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** ISO 639-3 to 639-1 from the JDK's tables, plus the model's macrolanguage members. */
  private static Map<String, String> iso6391() {
    Map<String, String> map = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        map.put(Locale.forLanguageTag(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException noIso3) {
        // a code without a three-letter form has nothing to map from
      }
    }
    map.putAll(Map.of("cmn", "zh", "pes", "fa", "lvs", "lv", "ekk", "et", "plt", "mg",
        "pnb", "pa", "nob", "nb", "nno", "nn", "zsm", "ms"));
    return Map.copyOf(map);
  }

  /** Loaded once, on first use (about a second); the model is immutable and shared. */
  private static final class Model {
    static final LanguageDetectorModel INSTANCE = load();
    static final LanguageScorer SCORER = LanguageScorer.of(INSTANCE, PROBE);

    private static LanguageDetectorModel load() {
      try (InputStream in = LanguageGuess.class.getResourceAsStream("/langdetect-183.bin")) {
        if (in == null) {
          throw new IllegalStateException("langdetect-183.bin is not on the classpath: "
              + "the opennlp-models-langdetect artifact is missing");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the language detection model", e);
      }
    }
  }
}
