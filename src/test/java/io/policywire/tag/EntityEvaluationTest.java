package io.policywire.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.EnrichedArticle;
import io.policywire.model.RawArticle;
import io.policywire.pipeline.Enricher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The entity-tagging evaluation: precision, recall and F1 per type, over our own labelled
 * articles ({@code src/test/resources/entities/labelled.txt}), held-out ones never tuned on
 * ({@code heldout.txt}), and the corpus seeds (text read
 * from {@code ../shared/corpus/seeds/}, labels in {@code seeds.gold.tsv}). Articles go through
 * {@link Enricher}, the same normalize and tag stage classes the topology runs. Scoring is per
 * article and entity id: a predicted id in the gold set is a true positive; optional ids are not
 * counted either way. Run alone to print the table:
 * {@code mvn -o test -Dtest=EntityEvaluationTest}; it is also written to
 * {@code target/entity-eval.txt}.
 */
class EntityEvaluationTest {

  private static final Path SEEDS = Path.of("../shared/corpus/seeds");
  private static final String JUNK_MARKER = "Popular posts from this blog";
  private static final List<String> TYPES =
      List.of("ORG", "PERSON", "GOV", "GPE", "MEDIA", "PRODUCT", "LAW", "NGO");

  /** One labelled article. */
  record Doc(String id, String title, String text, Set<String> gold, Set<String> central,
      Set<String> optional, Set<String> never) {}

  /** Counts per type. */
  static final class Score {
    final Map<String, int[]> byType = new TreeMap<>(); // tp, fp, fn

    void add(String type, int tp, int fp, int fn) {
      int[] c = byType.computeIfAbsent(type, k -> new int[3]);
      c[0] += tp;
      c[1] += fp;
      c[2] += fn;
    }

    int[] total() {
      int[] t = new int[3];
      byType.values().forEach(c -> {
        t[0] += c[0];
        t[1] += c[1];
        t[2] += c[2];
      });
      return t;
    }
  }

  private final Enricher enricher = new Enricher(4 * 1024 * 1024);
  private final List<String> misses = new ArrayList<>();
  private final List<String> falsePositives = new ArrayList<>();

  @Test
  void shouldPrintPrecisionAndRecallPerTypeAndFindEveryCentralActor() throws IOException {
    List<Doc> own = ownArticles();
    Score ownScore = score(own);
    StringBuilder report = new StringBuilder();
    report.append(table("own labelled articles (" + own.size() + ")", ownScore));
    List<Doc> heldOut = parse(resource("/entities/heldout.txt"));
    report.append(table("held-out articles, never tuned on (" + heldOut.size() + ")",
        score(heldOut)));

    List<Doc> seeds = seedArticles();
    Score seedScore = null;
    List<String> centralMissed = new ArrayList<>();
    if (!seeds.isEmpty()) {
      seedScore = score(seeds);
      report.append(table("corpus seeds (" + seeds.size() + ")", seedScore));
      for (Doc d : seeds) {
        Set<String> found = predicted(d);
        d.central().stream().filter(c -> !found.contains(c))
            .forEach(c -> centralMissed.add(d.id() + ": " + c));
      }
    }
    report.append("\nmissed (gold not found):\n");
    misses.forEach(m -> report.append("  ").append(m).append('\n'));
    report.append("false positives:\n");
    falsePositives.forEach(m -> report.append("  ").append(m).append('\n'));
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/entity-eval.txt"), report);

    assertThat(centralMissed).as("central actors of the seeds").isEmpty();
    int[] t = ownScore.total();
    assertThat(precision(t)).as("micro precision, own articles").isGreaterThan(0.85);
    assertThat(recall(t)).as("micro recall, own articles").isGreaterThan(0.8);
  }

  @Test
  void shouldNeverTagTheTrapsOfOurOwnArticles() throws IOException {
    List<String> tagged = new ArrayList<>();
    for (Doc d : ownArticles()) {
      Set<String> found = predicted(d);
      d.never().stream().filter(found::contains).forEach(n -> tagged.add(d.id() + ": " + n));
    }
    assertThat(tagged).isEmpty();
  }

  @Test
  void shouldTagNothingFromTheJunkTailOfTheBlogRepost() throws IOException {
    Doc blog = seedArticles().stream().filter(d -> d.id().startsWith("002_")).findFirst()
        .orElse(null);
    Assumptions.assumeTrue(blog != null, "corpus seeds not found at " + SEEDS);
    EnrichedArticle out = enrich(blog);
    Assumptions.assumeFalse(out.text().contains(JUNK_MARKER),
        "normalize still keeps the 'Popular posts' tail of 002; entities follow the text");
    Set<String> found = ids(out);
    assertThat(found).doesNotContainAnyElementsOf(blog.never());
  }

  private Score score(List<Doc> docs) {
    Score s = new Score();
    for (Doc d : docs) {
      Set<String> found = predicted(d);
      for (String id : found) {
        if (d.optional().contains(id)) {
          continue;
        }
        boolean tp = d.gold().contains(id);
        s.add(type(id), tp ? 1 : 0, tp ? 0 : 1, 0);
        if (!tp) {
          falsePositives.add(d.id() + ": " + id);
        }
      }
      for (String g : d.gold()) {
        if (!found.contains(g)) {
          s.add(type(g), 0, 0, 1);
          misses.add(d.id() + ": " + g);
        }
      }
    }
    return s;
  }

  private final Map<String, Set<String>> cache = new LinkedHashMap<>();

  private Set<String> predicted(Doc d) {
    return cache.computeIfAbsent(d.id(), k -> ids(enrich(d)));
  }

  private EnrichedArticle enrich(Doc d) {
    return enricher.enrich(new RawArticle(d.id(), "file:" + d.id(), "eval", d.title(), d.text(),
        RawArticle.TEXT_PLAIN, null, "en", null));
  }

  private static Set<String> ids(EnrichedArticle a) {
    Set<String> out = new LinkedHashSet<>();
    a.entities().forEach(m -> out.add(m.id()));
    return out;
  }

  static String type(String id) {
    String prefix = id.substring(0, id.indexOf(':'));
    return prefix.toUpperCase(Locale.ROOT);
  }

  private static String table(String title, Score s) {
    StringBuilder b = new StringBuilder();
    b.append('\n').append(title).append('\n');
    b.append(String.format("%-8s %5s %5s %5s %9s %7s %6s%n", "type", "tp", "fp", "fn",
        "precision", "recall", "F1"));
    for (String type : TYPES) {
      int[] c = s.byType.getOrDefault(type, new int[3]);
      if (c[0] + c[1] + c[2] > 0) {
        b.append(row(type, c));
      }
    }
    b.append(row("all", s.total()));
    return b.toString();
  }

  private static String row(String name, int[] c) {
    double p = precision(c);
    double r = recall(c);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return String.format(Locale.ROOT, "%-8s %5d %5d %5d %9.3f %7.3f %6.3f%n", name, c[0], c[1],
        c[2], p, r, f);
  }

  private static double precision(int[] c) {
    return c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
  }

  private static double recall(int[] c) {
    return c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
  }

  static List<Doc> ownArticles() throws IOException {
    return parse(resource("/entities/labelled.txt"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = EntityEvaluationTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<Doc> parse(String all) {
    List<Doc> docs = new ArrayList<>();
    for (String block : all.split("(?m)^=== ")) {
      if (block.isBlank() || block.startsWith("#")) {
        continue;
      }
      int headerEnd = block.indexOf("\n\n");
      String[] header = block.substring(0, headerEnd).split("\n");
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 1; i < header.length; i++) {
        int colon = header[i].indexOf(':');
        fields.put(header[i].substring(0, colon).strip(), header[i].substring(colon + 1).strip());
      }
      String text = block.substring(headerEnd + 2).strip();
      if (text.lines().anyMatch(l -> l.matches("(gold|optional|never|title): .*"))) {
        throw new IllegalStateException(header[0] + ": a label line inside the text");
      }
      docs.add(new Doc(header[0].strip(), fields.get("title"), text, set(fields.get("gold")),
          Set.of(), set(fields.get("optional")), set(fields.get("never"))));
    }
    return docs;
  }

  static List<Doc> seedArticles() throws IOException {
    if (!Files.isDirectory(SEEDS)) {
      return List.of();
    }
    Map<String, Map<String, Set<String>>> labels = new TreeMap<>();
    try (InputStream in = EntityEvaluationTest.class.getResourceAsStream(
        "/entities/seeds.gold.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        labels.computeIfAbsent(f[0], k -> new TreeMap<>())
            .computeIfAbsent(f[1], k -> new LinkedHashSet<>()).add(f[2]);
      }
    }
    List<Doc> docs = new ArrayList<>();
    for (var e : labels.entrySet()) {
      String raw = Files.readString(SEEDS.resolve(e.getKey()));
      int nl = raw.indexOf('\n');
      Map<String, Set<String>> kinds = e.getValue();
      Set<String> central = kinds.getOrDefault("central", Set.of());
      Set<String> gold = new LinkedHashSet<>(central);
      gold.addAll(kinds.getOrDefault("gold", Set.of()));
      docs.add(new Doc(e.getKey(), raw.substring(0, nl).strip(), raw.substring(nl + 1), gold,
          central, kinds.getOrDefault("optional", Set.of()),
          kinds.getOrDefault("never", Set.of())));
    }
    return docs;
  }

  private static Set<String> set(String s) {
    Set<String> out = new LinkedHashSet<>();
    if (s != null) {
      for (String id : s.split("\\s+")) {
        if (!id.isBlank()) {
          out.add(id);
        }
      }
    }
    return out;
  }

}
