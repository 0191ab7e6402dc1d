package io.policywire.tag.stance;

import io.policywire.model.EntityMention;
import io.policywire.model.RawArticle;
import io.policywire.model.StanceTag;
import io.policywire.normalize.Normalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stance evaluation: reads the labelled cases ({@code src/test/resources/stance/cases.txt}),
 * runs an analyzer over each (gold entities given), and scores every (holder, target) pair:
 * per-class precision, recall and F1, macro-F1 over FAVOR/AGAINST/NEUTRAL, SemEval's
 * F-average over FAVOR/AGAINST, and a confusion matrix with NONE for "no stance".
 */
final class StanceEvaluation {

  static final List<String> LABELS = List.of("FAVOR", "AGAINST", "NEUTRAL", "NONE");
  private static final Pattern MARKUP = Pattern.compile("\\[([^\\]]+)\\]\\(([^)]+)\\)");
  private static final Path SHARED = Path.of("../shared/corpus");

  record Gold(String holder, String target, String stance) {}

  record Case(String phenomenon, String where, String text, List<EntityMention> entities,
      String anchor, List<Gold> gold) {}

  record Miss(Case c, String pair, String gold, String predicted) {}

  record Result(int[][] confusion, List<Miss> misses, int cases, int goldPairs,
      Map<String, int[]> byPhenomenon) {

    double f1(String label) {
      int i = LABELS.indexOf(label);
      int tp = confusion[i][i];
      int goldN = 0;
      int predN = 0;
      for (int j = 0; j < LABELS.size(); j++) {
        goldN += confusion[i][j];
        predN += confusion[j][i];
      }
      double p = predN == 0 ? 0 : (double) tp / predN;
      double r = goldN == 0 ? 0 : (double) tp / goldN;
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double precision(String label) {
      int i = LABELS.indexOf(label);
      int predN = 0;
      for (int j = 0; j < LABELS.size(); j++) {
        predN += confusion[j][i];
      }
      return predN == 0 ? 0 : (double) confusion[i][i] / predN;
    }

    double recall(String label) {
      int i = LABELS.indexOf(label);
      int goldN = 0;
      for (int j = 0; j < LABELS.size(); j++) {
        goldN += confusion[i][j];
      }
      return goldN == 0 ? 0 : (double) confusion[i][i] / goldN;
    }

    /** Mean F1 over the classes present (gold or predicted), as scikit-learn averages. */
    double macroF1() {
      double sum = 0;
      int n = 0;
      for (String l : LABELS.subList(0, 3)) {
        if (support(l) > 0) {
          sum += f1(l);
          n++;
        }
      }
      return n == 0 ? 0 : sum / n;
    }

    /**
     * The same with NEUTRAL accepted where the gold has no stance: the issue asks that neutral
     * reporting yield "NEUTRAL or nothing", so such a pair is no error of the analyzer's.
     */
    double macroF1NeutralOrNothing() {
      int[][] lenient = new int[4][];
      for (int i = 0; i < 4; i++) {
        lenient[i] = confusion[i].clone();
      }
      lenient[3][2] = 0;
      return new Result(lenient, misses, cases, goldPairs, byPhenomenon).macroF1();
    }

    private int support(String label) {
      int i = LABELS.indexOf(label);
      int n = 0;
      for (int j = 0; j < LABELS.size(); j++) {
        n += confusion[i][j] + confusion[j][i];
      }
      return n;
    }

    double semEvalF() {
      return (f1("FAVOR") + f1("AGAINST")) / 2;
    }

    /** One line: gold stances, macro-F1, and precision/recall of each class. */
    String summaryLine(String name) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-22s %4d  %.3f  %.3f ",
          name, goldPairs, macroF1(), macroF1NeutralOrNothing()));
      for (String l : LABELS.subList(0, 3)) {
        sb.append(String.format(Locale.ROOT, " %s %.2f/%.2f", l.charAt(0), precision(l),
            recall(l)));
      }
      return sb.toString();
    }

    String report() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "stance evaluation: %d cases, %d gold stances%n",
          cases, goldPairs));
      sb.append(String.format(Locale.ROOT, "%-8s %9s %9s %9s%n", "class", "precision", "recall",
          "F1"));
      for (String l : LABELS.subList(0, 3)) {
        sb.append(String.format(Locale.ROOT, "%-8s %9.3f %9.3f %9.3f%n", l, precision(l),
            recall(l), f1(l)));
      }
      sb.append(String.format(Locale.ROOT, "macro-F1 (FAVOR, AGAINST, NEUTRAL, those present): %.3f%n",
          macroF1()));
      sb.append(String.format(Locale.ROOT,
          "macro-F1, NEUTRAL accepted where the gold has none: %.3f%n",
          macroF1NeutralOrNothing()));
      sb.append(String.format(Locale.ROOT, "F-avg (FAVOR, AGAINST; SemEval-2016): %.3f%n",
          semEvalF()));
      sb.append("confusion (rows gold, columns predicted):\n");
      sb.append(String.format(Locale.ROOT, "%-8s", "")).append(String.join("",
          LABELS.stream().map(l -> String.format(Locale.ROOT, "%9s", l)).toList())).append('\n');
      for (int i = 0; i < LABELS.size(); i++) {
        sb.append(String.format(Locale.ROOT, "%-8s", LABELS.get(i)));
        for (int j = 0; j < LABELS.size(); j++) {
          sb.append(String.format(Locale.ROOT, "%9s",
              i == 3 && j == 3 ? "-" : String.valueOf(confusion[i][j])));
        }
        sb.append('\n');
      }
      sb.append("pairs right per phenomenon:\n");
      byPhenomenon.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-40s %d/%d%n", k,
          v[0], v[1])));
      sb.append("errors:\n");
      for (Miss m : misses) {
        sb.append(String.format(Locale.ROOT, "  [%s] %s gold %s, predicted %s%n", m.c().where(),
            m.pair(), m.gold(), m.predicted()));
      }
      return sb.toString();
    }
  }

  static List<Case> loadCases(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> seedEntities = new HashMap<>();
    List<Case> cases = new ArrayList<>();
    String phenomenon = "";
    List<String> paragraphs = new ArrayList<>();
    List<Gold> gold = new ArrayList<>();
    String seed = null;
    int lineNo = 0;
    int startLine = 0;
    for (String raw : lines) {
      lineNo++;
      String line = raw.strip();
      boolean caseStart = line.startsWith("> ") || line.startsWith("@ ") || line.startsWith("## ");
      boolean inCase = !paragraphs.isEmpty() || seed != null;
      if ((line.isEmpty() || caseStart && (inCase && !line.startsWith("> ")
          || inCase && !gold.isEmpty())) && inCase) {
        cases.add(build(file, phenomenon, startLine, paragraphs, seed, gold, seedEntities));
        paragraphs = new ArrayList<>();
        gold = new ArrayList<>();
        seed = null;
      }
      if (line.startsWith("## ")) {
        phenomenon = line.substring(3).strip();
      } else if (line.startsWith("@@ ")) {
        String[] parts = line.substring(3).split("\\|", 2);
        seedEntities.put(parts[0].strip(), parts[1].strip());
      } else if (line.startsWith("@ ")) {
        seed = line.substring(2).strip();
        startLine = lineNo;
      } else if (line.startsWith("> ")) {
        if (paragraphs.isEmpty()) {
          startLine = lineNo;
        }
        paragraphs.add(line.substring(2).strip());
      } else if (line.startsWith("= ")) {
        String[] g = line.substring(2).strip().split("\\s+");
        if (!g[0].equals("none")) {
          gold.add(new Gold(g[0], g[1], g[2]));
        }
      }
    }
    if (!paragraphs.isEmpty() || seed != null) {
      cases.add(build(file, phenomenon, startLine, paragraphs, seed, gold, seedEntities));
    }
    return cases;
  }

  private static Case build(Path casesFile, String phenomenon, int line, List<String> paragraphs, String seed,
      List<Gold> gold, Map<String, String> seedEntities) {
    if (seed != null) {
      String[] parts = seed.split("\\|", 2);
      String file = parts[0].strip();
      String anchor = parts[1].strip();
      String text = seedText(file);
      String declared = seedEntities.get(file);
      if (declared == null) {
        throw new IllegalStateException("no @@ entities for " + file);
      }
      return new Case(phenomenon, file + " \"" + anchor + "\"", text,
          mentionsOf(text, declared), anchor, List.copyOf(gold));
    }
    StringBuilder text = new StringBuilder();
    Map<String, List<int[]>> spans = new LinkedHashMap<>();
    for (String p : paragraphs) {
      if (text.length() > 0) {
        text.append("\n\n");
      }
      Matcher m = MARKUP.matcher(p);
      int last = 0;
      while (m.find()) {
        text.append(p, last, m.start());
        int s = text.length();
        text.append(m.group(1));
        spans.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(new int[] {s, text.length()});
        last = m.end();
      }
      text.append(p.substring(last));
    }
    List<EntityMention> entities = new ArrayList<>();
    spans.forEach((id, list) -> entities.add(mention(id, text.toString(), list)));
    return new Case(phenomenon, casesFile.getFileName() + ":" + line, text.toString(), entities, null,
        List.copyOf(gold));
  }

  static String seedText(String file) {
    try {
      List<String> lines = Files.readAllLines(SHARED.resolve(file), StandardCharsets.UTF_8);
      String title = lines.get(0);
      String body = String.join("\n", lines.subList(1, lines.size()));
      RawArticle raw = new RawArticle(file, null, null, title, body, RawArticle.TEXT_PLAIN, null,
          null);
      return new Normalizer(1 << 20).normalize(raw).text();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every word-bounded occurrence of each declared surface, longest surfaces first. */
  static List<EntityMention> mentionsOf(String text, String declared) {
    Map<String, String> surfaces = new TreeMap<>((a, b) -> b.length() != a.length()
        ? b.length() - a.length() : a.compareTo(b));
    for (String pair : declared.split(";")) {
      String[] kv = pair.strip().split("=", 2);
      surfaces.put(kv[0].strip(), kv[1].strip());
    }
    boolean[] taken = new boolean[text.length()];
    Map<String, List<int[]>> spans = new LinkedHashMap<>();
    surfaces.forEach((surface, id) -> {
      Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(surface)
          + "(?![\\p{L}\\p{N}])").matcher(text);
      while (m.find()) {
        boolean free = true;
        for (int i = m.start(); i < m.end(); i++) {
          free &= !taken[i];
        }
        if (free) {
          for (int i = m.start(); i < m.end(); i++) {
            taken[i] = true;
          }
          spans.computeIfAbsent(id, k -> new ArrayList<>()).add(new int[] {m.start(), m.end()});
        }
      }
    });
    List<EntityMention> out = new ArrayList<>();
    spans.forEach((id, list) -> {
      list.sort((a, b) -> a[0] - b[0]);
      out.add(mention(id, text, list));
    });
    return out;
  }

  private static EntityMention mention(String id, String text, List<int[]> spans) {
    String prefix = id.substring(0, id.indexOf(':'));
    String type = switch (prefix) {
      case "org" -> "ORG";
      case "gov", "court" -> "GOV"; // a court is a state body in the tagger's types
      case "person" -> "PERSON";
      case "gpe" -> "GPE";
      case "media" -> "MEDIA";
      case "product" -> "PRODUCT";
      case "ngo" -> "NGO";
      case "law" -> "LAW";
      default -> throw new IllegalArgumentException("unknown id prefix " + id);
    };
    String name = text.substring(spans.get(0)[0], spans.get(0)[1]);
    return new EntityMention(id, name, type, null, spans.size(), 0.5, spans);
  }

  static Result evaluate(List<Case> cases,
      BiFunction<String, List<EntityMention>, List<StanceTag>> analyzer) {
    int[][] confusion = new int[4][4];
    List<Miss> misses = new ArrayList<>();
    Map<String, int[]> byPhenomenon = new LinkedHashMap<>();
    int goldPairs = 0;
    for (Case c : cases) {
      List<StanceTag> tags = analyzer.apply(c.text(), c.entities());
      Map<String, StanceTag> predicted = new LinkedHashMap<>();
      for (StanceTag t : tags) {
        if (c.anchor() != null && !t.evidence().contains(c.anchor())) {
          continue;
        }
        String pair = t.holder() + " -> " + t.target();
        StanceTag prev = predicted.get(pair);
        if (prev == null || t.confidence() > prev.confidence()) {
          predicted.put(pair, t);
        }
      }
      Map<String, String> goldByPair = new LinkedHashMap<>();
      for (Gold g : c.gold()) {
        goldByPair.put(g.holder() + " -> " + g.target(), g.stance());
      }
      goldPairs += goldByPair.size();
      int[] score = byPhenomenon.computeIfAbsent(c.phenomenon(), k -> new int[2]);
      if (goldByPair.isEmpty() && predicted.isEmpty()) {
        score[0]++;
        score[1]++; // a "no stance" case kept silent
      }
      java.util.Set<String> pairs = new java.util.LinkedHashSet<>(goldByPair.keySet());
      pairs.addAll(predicted.keySet());
      for (String pair : pairs) {
        String g = goldByPair.getOrDefault(pair, "NONE");
        String p = predicted.containsKey(pair) ? predicted.get(pair).stance() : "NONE";
        confusion[LABELS.indexOf(g)][LABELS.indexOf(p)]++;
        score[1]++;
        if (g.equals(p)) {
          score[0]++;
        } else {
          misses.add(new Miss(c, pair, g, p));
        }
      }
    }
    return new Result(confusion, misses, cases.size(), goldPairs, byPhenomenon);
  }

  /**
   * End to end: the entity tagger's mentions instead of the gold ones. A tagged entity whose
   * span overlaps a gold mention takes the gold id (so ids from the knowledge base and from the
   * labels can be compared); the others keep theirs, and stances on them count as errors.
   */
  static List<EntityMention> aligned(List<EntityMention> tagged, List<EntityMention> gold) {
    List<EntityMention> out = new ArrayList<>();
    for (EntityMention t : tagged) {
      String id = t.id();
      search:
      for (int[] ts : t.spans()) {
        for (EntityMention g : gold) {
          for (int[] gs : g.spans()) {
            if (ts[0] < gs[1] && gs[0] < ts[1]) {
              id = g.id();
              break search;
            }
          }
        }
      }
      out.add(new EntityMention(id, t.name(), t.type(), t.wikidata(), t.mentions(),
          t.salience(), t.spans()));
    }
    return out;
  }

  /** Scores the set named as the first argument (cases.txt without one), e.g. a new blind set. */
  public static void main(String[] args) {
    List<Case> cases = loadCases(Path.of(
        args.length > 0 ? args[0] : "src/test/resources/stance/cases.txt"));
    StanceAnalyzer analyzer = new StanceAnalyzer();
    System.out.print(evaluate(cases, analyzer::analyzeEverySentence).report());
  }
}
