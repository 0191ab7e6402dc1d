package io.policywire.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.Story;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.normalize.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation harness of wire-copy detection: copies of real and written articles made by
 * each transformation alone and combined ({@link WireCopyCorpus}), hard negatives (stories on the
 * same topic with the same entities, follow-ups quoting two paragraphs). Prints pairwise
 * precision and recall for a grid of thresholds (the figures the defaults were chosen from), then
 * runs the defaults end to end, articles in shuffled order, and holds them to precision 0.99 and
 * recall 0.97 over the pairs of articles put in the same story.
 */
class WireCopyHarnessTest {

  private static final long[] SEEDS = {42, 7, 2024};
  private static final Normalizer NORMALIZER = new Normalizer(1 << 20);
  private static final Instant SEEN = Instant.parse("2024-06-20T00:00:00Z");

  private record Item(NormalizedArticle article, String group, String transform) {}

  private static final Map<Long, List<Item>> SETS = new LinkedHashMap<>();

  @BeforeAll
  static void build() {
    for (long seed : SEEDS) {
      SETS.put(seed, WireCopyCorpus.build(seed).stream().map(l ->
          new Item(NORMALIZER.normalize(l.raw()), l.group(), l.transform())).toList());
    }
  }

  @Test
  void shouldPrintPrecisionAndRecallOverAGridOfThresholds() {
    List<Item> items = SETS.get(SEEDS[0]);
    System.out.printf("%nwire-copy harness: %d articles, %d pairs, %d copy pairs%n", items.size(),
        items.size() * (items.size() - 1) / 2, positives(items));
    System.out.println("k  bands×rows  minJaccard minContainment  candidates-recall  precision  recall");
    DedupeSettings d = DedupeSettings.defaults();
    for (int k : new int[] {3, 4, 5}) {
      for (int[] banding : new int[][] {{32, 2}, {21, 3}, {42, 3}}) {
        DedupeSettings base = new DedupeSettings(k, d.components(), banding[0], banding[1],
            d.minJaccard(), d.minContainment(), d.minContainmentShingles(), d.window(), d.grace());
        Sketcher sketcher = new Sketcher(base);
        List<Sketch> sketches = sketches(items, sketcher);
        if (banding[0] == d.bands()) {
          margins(items, sketches, sketcher, k);
        }
        for (double j : new double[] {0.3, 0.4, 0.5, 0.6}) {
          for (double c : new double[] {0.5, 0.6, 0.7, 0.8}) {
            DedupeSettings s = new DedupeSettings(k, d.components(), banding[0], banding[1], j, c,
                d.minContainmentShingles(), d.window(), d.grace());
            double[] prc = pairwise(items, sketches, new Sketcher(s));
            System.out.printf("%d  %2d×%d        %.2f       %.2f            %.4f             %.4f     %.4f%s%n",
                k, banding[0], banding[1], j, c, prc[2], prc[0], prc[1],
                s.equals(d) ? "   <- default" : "");
          }
        }
      }
    }
  }

  @Test
  void shouldReachPrecisionAndRecallTargetsEndToEndWithTheDefaults() {
    for (var set : SETS.entrySet()) {
      List<Item> items = set.getValue();
      InMemoryDeduplicator dedup = new InMemoryDeduplicator(DedupeSettings.defaults());
      for (Item item : items) {
        dedup.decide(item.article(), SEEN);
      }
      Map<String, String> storyOf = new HashMap<>();
      for (Story story : dedup.stories().values()) {
        for (String id : story.articleIds()) {
          assertThat(storyOf.put(id, story.storyId())).as("%s in one story only", id).isNull();
        }
      }
      assertThat(storyOf).hasSize(items.size());

      long tp = 0;
      long fp = 0;
      long fn = 0;
      long hardFp = 0;
      Map<String, long[]> byTransform = new LinkedHashMap<>();
      Map<String, String> transformOf = new HashMap<>();
      items.forEach(i -> transformOf.put(i.article().id(), i.transform()));
      for (int a = 0; a < items.size(); a++) {
        for (int b = a + 1; b < items.size(); b++) {
          Item x = items.get(a);
          Item y = items.get(b);
          boolean truth = x.group().equals(y.group());
          boolean predicted = storyOf.get(x.article().id()).equals(storyOf.get(y.article().id()));
          tp += truth && predicted ? 1 : 0;
          fp += !truth && predicted ? 1 : 0;
          fn += truth && !predicted ? 1 : 0;
          if (!truth && predicted && (hardNegative(x, y))) {
            hardFp++;
          }
          if (truth && (x.transform().equals("original") || y.transform().equals("original"))) {
            String t = x.transform().equals("original") ? y.transform() : x.transform();
            long[] counts = byTransform.computeIfAbsent(t, k -> new long[2]);
            counts[0]++;
            counts[1] += predicted ? 1 : 0;
          }
        }
      }
      double precision = tp / (double) (tp + fp);
      double recall = tp / (double) (tp + fn);
      System.out.printf("%nend to end, seed %d: %d articles in %d stories; pairwise precision "
          + "%.4f, recall %.4f (tp %d, fp %d, fn %d); hard-negative pairs merged: %d%n",
          set.getKey(), items.size(), dedup.stories().size(), precision, recall, tp, fp, fn,
          hardFp);
      byTransform.forEach((t, c) -> System.out.printf("  recall of original-%-24s %d/%d%n",
          t + ":", c[1], c[0]));
      assertThat(precision).as("precision, seed %d", set.getKey()).isGreaterThanOrEqualTo(0.99);
      assertThat(recall).as("recall, seed %d", set.getKey()).isGreaterThanOrEqualTo(0.97);
      assertThat(hardFp).as("hard negatives merged, seed %d", set.getKey()).isZero();
    }
  }

  /** Same-topic pairs and follow-ups: the pairs a careless detector would merge. */
  private static boolean hardNegative(Item x, Item y) {
    String gx = x.group();
    String gy = y.group();
    boolean sameTopic = gx.startsWith("h") && gy.startsWith("h")
        && gx.substring(0, 3).equals(gy.substring(0, 3));
    boolean followUp = WireCopyCorpus.FOLLOW_UPS.getOrDefault(gx, "").equals(gy)
        || WireCopyCorpus.FOLLOW_UPS.getOrDefault(gy, "").equals(gx);
    return sameTopic || followUp;
  }

  private static long positives(List<Item> items) {
    Map<String, Long> sizes = new HashMap<>();
    items.forEach(i -> sizes.merge(i.group(), 1L, Long::sum));
    return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
  }

  private static List<Sketch> sketches(List<Item> items, Sketcher sketcher) {
    SketchFactory factory = new SketchFactory(sketcher);
    List<Sketch> out = new ArrayList<>();
    for (Item i : items) {
      out.add(factory.sketch(i.article(), SEEN));
    }
    return out;
  }

  /** The most similar pair that is not a copy, and the least similar copy of an original. */
  private static void margins(List<Item> items, List<Sketch> sketches, Sketcher sketcher, int k) {
    double maxNegJ = 0;
    double maxNegC = 0;
    Map<String, double[]> minPos = new LinkedHashMap<>();
    for (int a = 0; a < items.size(); a++) {
      for (int b = a + 1; b < items.size(); b++) {
        Sketch x = sketches.get(a);
        Sketch y = sketches.get(b);
        double j = sketcher.jaccard(x.signature(), y.signature());
        double c = Math.min(x.shingles(), y.shingles()) >= DedupeSettings.defaults()
            .minContainmentShingles() ? Sketcher.containment(j, x.shingles(), y.shingles()) : 0;
        Item ix = items.get(a);
        Item iy = items.get(b);
        if (!ix.group().equals(iy.group())) {
          maxNegJ = Math.max(maxNegJ, j);
          maxNegC = Math.max(maxNegC, c);
        } else if (ix.transform().equals("original") || iy.transform().equals("original")) {
          String t = ix.transform().equals("original") ? iy.transform() : ix.transform();
          double[] m = minPos.computeIfAbsent(t, key -> new double[] {1, 1});
          m[0] = Math.min(m[0], j);
          m[1] = Math.min(m[1], Math.max(j, c));
        }
      }
    }
    System.out.printf("k=%d: most similar non-copy pair: Jaccard %.2f, containment %.2f; "
        + "least similar copy of an original, by transformation (Jaccard, best of the two):%n",
        k, maxNegJ, maxNegC);
    minPos.forEach((t, m) -> System.out.printf("    %-24s %.2f  %.2f%n", t, m[0], m[1]));
  }

  /** Pair-level precision, recall, and the recall of LSH candidates alone. */
  private static double[] pairwise(List<Item> items, List<Sketch> sketches, Sketcher sketcher) {
    CopyMatcher matcher = new CopyMatcher(sketcher);
    List<Set<String>> bands = new ArrayList<>();
    for (Sketch s : sketches) {
      bands.add(new HashSet<>(sketcher.bandKeys(s.signature(), s.shingles())));
    }
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long candidateTp = 0;
    for (int a = 0; a < items.size(); a++) {
      for (int b = a + 1; b < items.size(); b++) {
        boolean truth = items.get(a).group().equals(items.get(b).group());
        boolean candidate = bands.get(a).stream().anyMatch(bands.get(b)::contains);
        boolean predicted = candidate && matcher.confirm(sketches.get(a), sketches.get(b)) != null;
        candidateTp += truth && candidate ? 1 : 0;
        tp += truth && predicted ? 1 : 0;
        fp += !truth && predicted ? 1 : 0;
        fn += truth && !predicted ? 1 : 0;
      }
    }
    return new double[] {tp / (double) Math.max(1, tp + fp), tp / (double) (tp + fn),
        candidateTp / (double) (tp + fn)};
  }
}
