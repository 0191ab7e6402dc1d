package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.tag.EntityTagger;
import java.time.LocalDate;
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
 * TEMPORARY, deleted with the legacy copy: the lexicon, the date resolver and the technology
 * terms against their old selves, sentence by sentence, over every corpus sentence and many
 * generated ones (corpus words and every word of the old patterns, in random case and order).
 */
class LegacyEquivalenceTest {

  private static final LocalDate[] PUBLISHED = {LocalDate.of(2020, 8, 7),
      LocalDate.of(2024, 1, 31), LocalDate.of(2023, 12, 3)};

  @Test
  void shouldMatchTheOldLexiconDatesAndTermsOnEverySentence() throws Exception {
    List<String> sentences = new ArrayList<>();
    for (ActionCorpus.Input in : ActionCorpus.all(EntityTagger.defaults())) {
      Sentences.split(in.text()).forEach(s -> sentences.add(s.text()));
    }
    List<String> vocabulary = vocabulary(sentences);
    Random random = new Random(7);
    List<String> all = new ArrayList<>(sentences);
    for (String s : sentences) {
      all.add(s.toUpperCase(Locale.ROOT));
      all.add(s.toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < 300_000; i++) {
      all.add(generated(vocabulary, random));
    }
    int differences = 0;
    for (String s : all) {
      String old = describeOld(s);
      String now = describeNew(s);
      if (!old.equals(now) && differences++ < 20) {
        System.out.println("DIFF " + s + "\n  old " + old + "\n  new " + now);
      }
    }
    System.out.println("compared " + all.size() + " sentences");
    assertThat(differences).isZero();
  }

  private static String describeOld(String s) {
    StringBuilder b = new StringBuilder();
    LegacyTriggerLexicon.find(s).forEach(h -> b.append(h.type()).append('@').append(h.start())
        .append('-').append(h.end()).append(h.effect()).append(' '));
    for (LocalDate p : PUBLISHED) {
      b.append(new LegacyDateResolver().find(s, p)).append(' ');
    }
    LegacyTechTerms.find(s).forEach(t -> b.append(t.id()).append(t.start()).append(' '));
    return b.toString();
  }

  private static String describeNew(String s) {
    StringBuilder b = new StringBuilder();
    TriggerLexicon.find(s).forEach(h -> b.append(h.type()).append('@').append(h.start())
        .append('-').append(h.end()).append(h.effect()).append(' '));
    for (LocalDate p : PUBLISHED) {
      b.append(new DateResolver().find(s, p)).append(' ');
    }
    TechTerms.find(s).forEach(t -> b.append(t.id()).append(t.start()).append(' '));
    return b.toString();
  }

  private static String generated(List<String> vocabulary, Random random) {
    int n = 3 + random.nextInt(25);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String w = vocabulary.get(random.nextInt(vocabulary.size()));
      w = switch (random.nextInt(6)) {
        case 0 -> w.toUpperCase(Locale.ROOT);
        case 1 -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
        default -> w;
      };
      b.append(w);
      b.append(switch (random.nextInt(12)) {
        case 0 -> ", ";
        case 1 -> "-";
        case 2 -> ". ";
        case 3 -> " " + (1 + random.nextInt(31)) + " ";
        case 4 -> " " + (1990 + random.nextInt(40)) + " ";
        default -> " ";
      });
    }
    return b.toString().trim();
  }

  /** Corpus words, and every run of letters in the old patterns' source. */
  private static List<String> vocabulary(List<String> sentences) throws Exception {
    Set<String> words = new LinkedHashSet<>();
    Matcher m = Pattern.compile("[A-Za-z$€£%']+").matcher(String.join(" ", sentences));
    while (m.find()) {
      words.add(m.group());
    }
    for (Class<?> c : List.of(LegacyTriggerLexicon.class, LegacyDateResolver.class,
        LegacyTechTerms.class, LegacyActionDetector.class)) {
      String source = java.nio.file.Files.readString(java.nio.file.Path.of(
          "src/test/java/io/policywire/actions/" + c.getSimpleName() + ".java"));
      Matcher q = Pattern.compile("\"([^\"]*)\"").matcher(source);
      while (q.find()) {
        for (String part : q.group(1).split("\\\\[bdsw]|[|()?:\\[\\]{}*+\\\\.^$,0-9]+")) {
          if (!part.isBlank()) {
            words.add(part.trim());
            for (String piece : part.trim().split(" ")) {
              words.add(piece);
            }
          }
        }
      }
    }
    for (String w : List.of("revoked", "revoking", "rescinded", "repealed", "judges", "courts",
        "introduced", "passes", "signed", "approved", "adopted", "enacted", "voted on",
        "divested", "divestiture", "forced", "forces", "ordered", "orders", "sanctioned",
        "blacklisted", "fined", "fines", "penalty", "penalties of", "investigates",
        "investigation", "probed", "inquiries", "subpoenaed", "reviewed", "negotiations",
        "hearings", "testified", "grilled", "summoned", "banned", "prohibited", "outlawed",
        "urged", "calls on", "called on", "demanded", "pressed", "presses", "asked", "asks",
        "withdrew", "withdraw", "$", "€", "£", "million", "billion", "percent", "%", "Sept.",
        "Aug.", "Jan.", "May", "June", "July", "Monday", "Friday", "ago", "yesterday", "today",
        "last week", "this year", "earlier this month", "until", "by", "deadline", "will",
        "2020-08-14", "17th", "of", "mid-", "late", "early", "back in", "K", "İ")) {
      words.add(w);
    }
    return new ArrayList<>(words);
  }
}
