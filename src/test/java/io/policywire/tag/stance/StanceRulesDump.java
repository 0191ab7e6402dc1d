package io.policywire.tag.stance;

import io.policywire.model.StanceTag;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the rules' tags for every case of the named sets, one tag a line (set, case index,
 * holder, target, stance, confidence, evidence start, evidence end), so that the backstop's
 * cross-validation can score a set with the rules of an earlier commit, from before that set
 * was tuned on (scripts/backstop-cv.sh compiles this class against such a commit). Arguments:
 * output file, then set files under src/test/resources/stance.
 */
public final class StanceRulesDump {

  public static void main(String[] args) throws IOException {
    StanceAnalyzer analyzer = new StanceAnalyzer();
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]),
        StandardCharsets.UTF_8))) {
      for (int a = 1; a < args.length; a++) {
        List<StanceEvaluation.Case> cases = StanceEvaluation.loadCases(
            Path.of("src/test/resources/stance").resolve(args[a]));
        for (int i = 0; i < cases.size(); i++) {
          StanceEvaluation.Case c = cases.get(i);
          for (StanceTag t : analyzer.analyzeEverySentence(c.text(), c.entities())) {
            int s = t.evidenceSpan() != null ? t.evidenceSpan()[0] : c.text().indexOf(t.evidence());
            int e = t.evidenceSpan() != null ? t.evidenceSpan()[1] : s + t.evidence().length();
            out.println(String.join("\t", args[a], Integer.toString(i), t.holder(), t.target(),
                t.stance(), Double.toString(t.confidence()), Integer.toString(s),
                Integer.toString(e)));
          }
        }
      }
    }
  }
}
