package io.policywire.tag.stance;

/** Prints the stances found in one seed, for looking at the analyzer's work by hand. */
final class StanceDebug {
  public static void main(String[] args) {
    var cases = StanceEvaluation.loadCases(java.nio.file.Path.of("src/test/resources/stance/cases.txt"));
    for (var c : cases) {
      if (c.where().startsWith(args[0])) {
        for (var t : new StanceAnalyzer().analyze(c.text(), c.entities())) {
          System.out.println(t.holder() + " -> " + t.target() + " " + t.stance() + " " + t.confidence() + " | " + t.evidence());
        }
        return;
      }
    }
  }
}
