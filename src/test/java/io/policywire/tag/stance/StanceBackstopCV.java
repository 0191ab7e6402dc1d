package io.policywire.tag.stance;

import io.policywire.model.StanceTag;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Leave-one-set-out cross-validation of the learned recall backstop ({@link StanceBackstop}):
 * for each labelled set, a maxent model is trained on the candidate pairs of every other set and
 * the left-out set is scored by {@link StanceEvaluation}, rules only and rules + backstop, at a
 * few thresholds. Run: {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.policywire.tag.stance.StanceBackstopCV} (or scripts/backstop-cv.sh).
 */
public final class StanceBackstopCV {

  static final Path DIR = Path.of("src/test/resources/stance");
  static final List<String> SETS = List.of("cases.txt", "heldout.txt", "blind.txt", "blind2.txt",
      "blind3.txt", "blind4.txt", "blind5.txt", "blind6.txt", "blind7.txt", "blind8.txt",
      "dev7.txt", "dev8.txt", "dev9.txt", "dev10.txt", "dev11.txt");

  /** One case with the rules' tags and its candidate pairs, computed once. */
  record Prepared(StanceEvaluation.Case c, List<StanceTag> rules,
      List<StanceBackstop.Candidate> candidates) {}

  static Map<String, List<Prepared>> prepare(StanceAnalyzer analyzer, StanceLexicon lex) {
    Map<String, List<Prepared>> out = new LinkedHashMap<>();
    for (String set : SETS) {
      List<Prepared> list = new ArrayList<>();
      for (StanceEvaluation.Case c : StanceEvaluation.loadCases(DIR.resolve(set))) {
        List<StanceTag> rules = analyzer.analyzeEverySentence(c.text(), c.entities());
        list.add(new Prepared(c, rules,
            StanceBackstop.candidates(lex, c.text(), c.entities(), rules)));
      }
      out.put(set, list);
    }
    return out;
  }

  /** Training events: each candidate labelled with the case's gold for the pair (or NONE). */
  static List<Event> events(List<Prepared> cases, boolean onlyRuleNone) {
    List<Event> out = new ArrayList<>();
    for (Prepared p : cases) {
      Map<String, String> gold = new LinkedHashMap<>();
      for (StanceEvaluation.Gold g : p.c().gold()) {
        gold.put(g.holder() + "\u0001" + g.target(), g.stance());
      }
      for (StanceBackstop.Candidate cand : p.candidates()) {
        if (p.c().anchor() != null && !p.c().text().substring(cand.sentenceStart(),
            cand.sentenceEnd()).contains(p.c().anchor())) {
          continue; // a seed case labels only its anchor's sentence
        }
        if (onlyRuleNone && !cand.rules().equals(StanceBackstop.NONE)) {
          continue;
        }
        out.add(new Event(gold.getOrDefault(cand.holder() + "\u0001" + cand.target(),
            StanceBackstop.NONE), cand.features()));
      }
    }
    return out;
  }

  static MaxentModel train(List<Event> events, int iterations, int cutoff) throws IOException {
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
    params.put(TrainingParameters.ITERATIONS_PARAM, Integer.toString(iterations));
    params.put(TrainingParameters.CUTOFF_PARAM, Integer.toString(cutoff));
    params.put(TrainingParameters.THREADS_PARAM, "1");
    EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
    return trainer.train(ObjectStreamUtils.createObjectStream(events));
  }

  static StanceEvaluation.Result score(List<Prepared> cases, StanceBackstop backstop,
      StanceLexicon lex) {
    Map<String, Prepared> byText = new IdentityHashMap<>();
    for (Prepared p : cases) {
      byText.put(p.c().text(), p);
    }
    List<StanceEvaluation.Case> cs = cases.stream().map(Prepared::c).toList();
    return StanceEvaluation.evaluate(cs, (text, entities) -> {
      Prepared p = byText.get(text);
      return backstop == null ? p.rules() : backstop.complete(text, entities, p.rules());
    });
  }

  public static void main(String[] args) throws IOException {
    StanceLexicon lex = StanceLexicon.defaults();
    StanceBackstop.RULE_FEATURES = args.length <= 2 || Boolean.parseBoolean(args[2]);
    StanceBackstop.GATE = Boolean.getBoolean("backstop.gate");
    System.out.println("gate: " + StanceBackstop.GATE);
    Map<String, List<Prepared>> all = prepare(new StanceAnalyzer(), lex);
    for (String set : SETS) {
      Map<String, int[]> counts = new java.util.TreeMap<>();
      for (Event e : events(all.get(set), false)) {
        counts.computeIfAbsent(e.getOutcome(), k -> new int[1])[0]++;
      }
      Map<String, int[]> residual = new java.util.TreeMap<>();
      for (Event e : events(all.get(set), true)) {
        residual.computeIfAbsent(e.getOutcome(), k -> new int[1])[0]++;
      }
      StringBuilder sb = new StringBuilder(set + " candidates:");
      counts.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v[0]));
      sb.append("; where the rules give none:");
      residual.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v[0]));
      System.out.println(sb);
    }
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int cutoff = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    run(all, Map.of(), SETS, "the current rules", iterations, cutoff, lex);
    for (int a = 3; a < args.length; a++) {
      Map<String, List<Prepared>> old = loadDump(Path.of(args[a]), all, lex);
      run(all, old, new ArrayList<>(old.keySet()), "the rules of " + args[a]
          + " on the left-out set (never tuned on it), the current rules on the training sets",
          iterations, cutoff, lex);
    }
  }

  /** The rules' tags of an earlier commit (StanceRulesDump's output) for the sets it covers. */
  static Map<String, List<Prepared>> loadDump(Path file, Map<String, List<Prepared>> all,
      StanceLexicon lex) throws IOException {
    Map<String, Map<Integer, List<StanceTag>>> tags = new LinkedHashMap<>();
    for (String line : java.nio.file.Files.readAllLines(file)) {
      String[] f = line.split("\t");
      String text = all.get(f[0]).get(Integer.parseInt(f[1])).c().text();
      int s = Integer.parseInt(f[6]);
      int e = Integer.parseInt(f[7]);
      tags.computeIfAbsent(f[0], k -> new java.util.TreeMap<>())
          .computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>())
          .add(new StanceTag(f[2], f[3], f[4], Double.parseDouble(f[5]),
              s >= 0 && e <= text.length() ? text.substring(s, e) : "", new int[] {s, e}));
    }
    Map<String, List<Prepared>> out = new LinkedHashMap<>();
    tags.forEach((set, byCase) -> {
      List<Prepared> list = new ArrayList<>();
      List<Prepared> current = all.get(set);
      for (int i = 0; i < current.size(); i++) {
        StanceEvaluation.Case c = current.get(i).c();
        List<StanceTag> rules = byCase.getOrDefault(i, List.of());
        list.add(new Prepared(c, rules,
            StanceBackstop.candidates(lex, c.text(), c.entities(), rules)));
      }
      out.put(set, list);
    });
    return out;
  }

  static void run(Map<String, List<Prepared>> all, Map<String, List<Prepared>> override,
      List<String> leftOut, String rulesName, int iterations, int cutoff, StanceLexicon lex)
      throws IOException {
    double[] thresholds = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    boolean[] modes = {false, true};
    for (boolean onlyRuleNone : modes) {
      System.out.printf(Locale.ROOT, "%n== leave-one-set-out, left-out set scored with %s;"
          + " trained on %s candidates,"
          + " %d iterations, cutoff %d, rule features %s: macro-F1 rules only | rules+backstop"
          + " at thresholds %s%n",
          rulesName, onlyRuleNone ? "rules-NONE" : "all", iterations, cutoff, StanceBackstop.RULE_FEATURES,
          java.util.Arrays.toString(thresholds));
      double[] sums = new double[thresholds.length + 1];
      double[] sumsBlind = new double[thresholds.length + 1];
      List<Prepared> pooled = new ArrayList<>();
      int[][][] pooledConf = new int[thresholds.length + 1][4][4];
      for (String out : leftOut) {
        List<Prepared> train = new ArrayList<>();
        all.forEach((set, cases) -> {
          if (!set.equals(out)) {
            train.addAll(cases);
          }
        });
        MaxentModel model = train(events(train, onlyRuleNone), iterations, cutoff);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s", out));
        List<Prepared> test = override.getOrDefault(out, all.get(out));
        StanceEvaluation.Result r0 = score(test, null, lex);
        line.append(String.format(Locale.ROOT, " %.3f |", r0.macroF1()));
        add(pooledConf[0], r0.confusion());
        sums[0] += r0.macroF1();
        boolean blind = List.of("blind6.txt", "blind7.txt", "blind8.txt", "dev11.txt")
            .contains(out);
        if (blind) {
          sumsBlind[0] += r0.macroF1();
        }
        for (int i = 0; i < thresholds.length; i++) {
          StanceEvaluation.Result r = score(test,
              new StanceBackstop(lex, model, thresholds[i]), lex);
          line.append(String.format(Locale.ROOT, " %.3f", r.macroF1()));
          sums[i + 1] += r.macroF1();
          if (blind) {
            sumsBlind[i + 1] += r.macroF1();
          }
          add(pooledConf[i + 1], r.confusion());
        }
        System.out.println(line);
      }
      StringBuilder mean = new StringBuilder(String.format(Locale.ROOT, "%-12s",
          "mean (" + leftOut.size() + ")"));
      StringBuilder meanB = new StringBuilder(String.format(Locale.ROOT, "%-12s", "mean b678d11"));
      StringBuilder pool = new StringBuilder(String.format(Locale.ROOT, "%-12s", "pooled"));
      for (int i = 0; i <= thresholds.length; i++) {
        mean.append(String.format(Locale.ROOT, " %.3f%s", sums[i] / leftOut.size(), i == 0 ? " |" : ""));
        meanB.append(String.format(Locale.ROOT, " %.3f%s", sumsBlind[i] / 4, i == 0 ? " |" : ""));
        StanceEvaluation.Result pr = new StanceEvaluation.Result(pooledConf[i], List.of(), 0, 0,
            Map.of());
        pool.append(String.format(Locale.ROOT, " %.3f%s", pr.macroF1(), i == 0 ? " |" : ""));
      }
      System.out.println(mean);
      System.out.println(meanB);
      System.out.println(pool);
    }
  }

  private static void add(int[][] into, int[][] m) {
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        into[i][j] += m[i][j];
      }
    }
  }
}
