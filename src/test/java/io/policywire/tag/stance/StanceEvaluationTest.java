package io.policywire.tag.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.tag.EntityTagger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The stance harness as a test: prints each set's report (scripts/eval-stance.sh shows them)
 * and keeps the scores from sliding below what the README states. The sets, in
 * src/test/resources/stance/: cases.txt (every phenomenon; the rules were tuned on it),
 * heldout.txt and blind.txt to blind4.txt (each written before its first scoring and scored
 * once as written; the README keeps those first-run figures; tuned on since), blind5.txt
 * (scored as written, tuned on since), and dev7.txt to dev11.txt (written on branch stance2,
 * each before a round of rules, dev11 after the last; first scores in the README), and
 * blind6.txt (written by another author who saw neither the rules nor any earlier set, scored
 * once as written: 0.405, kept in the README; developed on since branch stance3, so its figure
 * here is a tuned one; rounds in docs/stance-rounds.md). blind7.txt (100 cases, a second
 * independent author; first run 0.375 on the rules of ef702f3, 0.539 on stance3's rules before
 * it was looked at, kept in the README) was held out for five rounds, then developed on.
 * blind8.txt (100 cases by blind7's author, written at the same time) was kept out of every
 * round of stance3: 0.377 on ef702f3, 0.647 after stance3's last change (the honest figures on
 * unseen text, kept in docs/stance-rounds.md); developed on since branch stance4, so its figure
 * here is a tuned one. blind9.txt and blind10.txt (100 cases each by a third independent author,
 * written while stance4 was developed) are held out: only their summary lines are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StanceEvaluationTest {

  private static final Path DIR = Path.of("src/test/resources/stance");
  private final StanceAnalyzer analyzer = new StanceAnalyzer();

  private static List<StanceEvaluation.Case> load(String file) {
    return StanceEvaluation.loadCases(DIR.resolve(file));
  }

  private StanceEvaluation.Result score(String title, List<StanceEvaluation.Case> cases) {
    StanceEvaluation.Result result =
        StanceEvaluation.evaluate(cases, analyzer::analyzeEverySentence);
    System.out.println("== " + title + "\n" + result.report());
    return result;
  }

  @Test
  @Order(1)
  void shouldHaveAtLeastEightyLabelledStancesCoveringEveryPhenomenon() {
    List<StanceEvaluation.Case> cases = load("cases.txt");

    assertThat(cases.stream().mapToInt(c -> c.gold().size()).sum()).isGreaterThanOrEqualTo(80);
    assertThat(cases).extracting(StanceEvaluation.Case::phenomenon).contains(
        "legal and political verbs", "attribution: quote, then speaker", "attribution: according to",
        "attribution: responded", "quote running over several sentences", "reported speech",
        "passive voice", "negation", "contrast", "no stance in the text", "seeds");
  }

  @Test
  @Order(2)
  void shouldScoreTheLabelledCasesWithGoldEntities() {
    StanceEvaluation.Result result = score("cases.txt, gold entities (tuned on)", load("cases.txt"));

    assertThat(result.macroF1()).isGreaterThanOrEqualTo(0.98); // 1.000 on stance3
  }

  @Test
  @Order(3)
  void shouldScoreEndToEndWithTheEntityTagger() {
    EntityTagger tagger = EntityTagger.defaults();

    StanceEvaluation.Result result = StanceEvaluation.evaluate(load("cases.txt"), (text, gold) ->
        analyzer.analyzeEverySentence(text, StanceEvaluation.aligned(tagger.tag(text), gold)));

    System.out.println("== cases.txt, entities from the tagger (end to end)\n" + result.report());
    assertThat(result.macroF1()).isGreaterThanOrEqualTo(0.90); // 0.924 on stance3
  }

  @Test
  @Order(4)
  void shouldScoreTheSetsWrittenBeforeTheirFirstScoring() {
    List<StanceEvaluation.Case> all = new ArrayList<>();
    for (String file : List.of("heldout.txt", "blind.txt", "blind2.txt", "blind3.txt",
        "blind4.txt")) {
      all.addAll(load(file));
    }

    StanceEvaluation.Result result = score("heldout, blind, blind2, blind3, blind4: gold"
        + " entities (each scored blind once as written, tuned on since; first runs in README)",
        all);

    assertThat(result.goldPairs()).isGreaterThanOrEqualTo(100);
    assertThat(result.macroF1()).isGreaterThanOrEqualTo(0.88); // 0.910 on stance3
  }

  @Test
  @Order(5)
  void shouldScoreTheBlindSetNeverTunedOn() {
    StanceEvaluation.Result result =
        score("blind5.txt, gold entities (first run 0.730; tuned on since)",
            load("blind5.txt"));

    assertThat(result.goldPairs()).isGreaterThanOrEqualTo(20);
    assertThat(result.macroF1()).isGreaterThanOrEqualTo(0.88); // 0.916 on stance3
  }

  /**
   * Each set on its own line and the six written before their first scoring pooled, then dev7
   * to dev11 (ours, each written before its round of rules; first scores in the README; dev11
   * was written after the last change and not tuned on), and blind6 (written independently of
   * the rules and every earlier set, scored once as written, tuned on since). Each must stay
   * a little below its figure on stance3 (README), so that a regression fails the test; blind7
   * and blind8 (tuned on since stance4) too.
   */
  @Test
  @Order(6)
  void shouldSummariseEverySetOnItsOwn() {
    List<String> six = List.of("heldout.txt", "blind.txt", "blind2.txt", "blind3.txt",
        "blind4.txt", "blind5.txt");
    StringBuilder sb = new StringBuilder("== per set, gold entities: gold stances, macro-F1,"
        + " macro-F1 NEUTRAL-or-nothing, precision/recall per class\n");
    List<StanceEvaluation.Case> pooled = new ArrayList<>();
    for (String file : six) {
      List<StanceEvaluation.Case> cases = load(file);
      pooled.addAll(cases);
      sb.append(StanceEvaluation.evaluate(cases, analyzer::analyzeEverySentence)
          .summaryLine(file)).append('\n');
    }
    sb.append(StanceEvaluation.evaluate(pooled, analyzer::analyzeEverySentence)
        .summaryLine("six sets pooled")).append('\n');
    sb.append(StanceEvaluation.evaluate(load("cases.txt"), analyzer::analyzeEverySentence)
        .summaryLine("cases.txt")).append('\n');
    sb.append(StanceEvaluation.evaluate(load("blind6.txt"), analyzer::analyzeEverySentence)
        .summaryLine("blind6.txt")).append('\n');
    sb.append(StanceEvaluation.evaluate(load("blind7.txt"), analyzer::analyzeEverySentence)
        .summaryLine("blind7.txt")).append('\n');
    sb.append(StanceEvaluation.evaluate(load("blind8.txt"), analyzer::analyzeEverySentence)
        .summaryLine("blind8.txt")).append('\n');
    // held out: their summary lines only, never their errors, so nobody tunes on them by reading
    StanceEvaluation.Result blind9 =
        StanceEvaluation.evaluate(load("blind9.txt"), analyzer::analyzeEverySentence);
    sb.append(blind9.summaryLine("blind9.txt (held out: 0.518 on 5463ec3, 0.521 on stance4)"))
        .append('\n');
    StanceEvaluation.Result blind10 =
        StanceEvaluation.evaluate(load("blind10.txt"), analyzer::analyzeEverySentence);
    sb.append(blind10.summaryLine("blind10.txt (held out: 0.480 on 5463ec3, 0.493 on stance4)"))
        .append('\n');
    System.out.print(sb);
    assertThat(blind9.macroF1()).as("blind9").isGreaterThanOrEqualTo(0.50); // 0.521
    assertThat(blind10.macroF1()).as("blind10").isGreaterThanOrEqualTo(0.47); // 0.493
    Map<String, String> dev = new LinkedHashMap<>();
    Map<String, Double> floor = new LinkedHashMap<>();
    dev.put("dev7.txt", "ours, written before the first round of rules; tuned on since");
    floor.put("dev7.txt", 0.96); // 0.990 on stance3
    dev.put("dev8.txt", "ours, written before the second round; tuned on since");
    floor.put("dev8.txt", 0.93); // 0.964
    dev.put("dev9.txt", "ours, written before the third round; tuned on since");
    floor.put("dev9.txt", 0.96); // 1.000
    dev.put("dev10.txt", "ours, written before the fourth round; tuned on since");
    floor.put("dev10.txt", 0.86); // 0.864 on stance3, 0.896 on stance4
    dev.put("dev11.txt", "ours, written after the last change of stance2, not tuned on");
    floor.put("dev11.txt", 0.72); // 0.745
    dev.put("blind6.txt", "written by another author who saw neither the rules nor any earlier"
        + " set; first run 0.405, tuned on since (stance3)");
    floor.put("blind6.txt", 0.89); // 0.921
    dev.put("blind7.txt", "a second independent author; first run 0.375, 0.539 on stance3's"
        + " rules while held out, tuned on since (stance3, rounds 6-8)");
    floor.put("blind7.txt", 0.82); // 0.833 on stance3, 0.848 on stance4
    dev.put("blind8.txt", "written by blind7's author, held out at 0.377 on ef702f3 and 0.647 on"
        + " stance3, tuned on since (stance4)");
    floor.put("blind8.txt", 0.78); // 0.808 on stance4
    dev.forEach((file, status) -> {
      StanceEvaluation.Result result = score(file + ", gold entities (" + status
          + "; first score in README)", load(file));

      assertThat(result.goldPairs()).isGreaterThanOrEqualTo(20);
      assertThat(result.macroF1()).as(file).isGreaterThanOrEqualTo(floor.get(file));
    });
  }
}
