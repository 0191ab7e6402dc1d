package io.policywire.jmh;

import io.policywire.bench.WorkloadGenerator;
import io.policywire.dedupe.DedupeSettings;
import io.policywire.dedupe.Sketcher;
import io.policywire.model.RawArticle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many band-index entries a new article is confirmed against as the window fills, for a
 * banding: the {@code bench} workload's articles are sketched in order and each band key counted,
 * as if none aged out. The README's "Banding, for scale" figures come from
 * {@code java -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)"
 * io.policywire.jmh.BandLoadCheck 80000 32 2} and {@code … 80000 42 3}.
 */
public final class BandLoadCheck {

  private static final int[] MARKS = {1_000, 5_000, 10_000, 20_000, 40_000, 80_000};

  private BandLoadCheck() {}

  /** Arguments: articles, bands, components per band (defaults: 80,000 and the shipped banding). */
  public static void main(String[] args) {
    DedupeSettings d = DedupeSettings.defaults();
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 80_000;
    int bands = args.length > 1 ? Integer.parseInt(args[1]) : d.bands();
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : d.rowsPerBand();
    Sketcher sketcher = new Sketcher(new DedupeSettings(d.shingleSize(), d.components(), bands,
        rows, d.minJaccard(), d.minContainment(), d.minContainmentShingles(), d.window(),
        d.grace()));
    WorkloadGenerator generator = new WorkloadGenerator(42);
    Map<String, Integer> entriesPerKey = new HashMap<>();
    long confirmed = 0;
    long since = 0;
    int mark = 0;
    System.out.printf("%d bands of %d components, bench workload%n", bands, rows);
    for (int i = 1; i <= articles; i++) {
      RawArticle article = generator.next();
      long[] shingles = sketcher.shingles(article.body());
      List<String> keys = sketcher.bandKeys(sketcher.signature(shingles), shingles.length);
      for (String key : keys) {
        confirmed += entriesPerKey.merge(key, 1, Integer::sum) - 1;
      }
      if (mark < MARKS.length && i == MARKS[mark]) {
        System.out.printf("%,d articles in the window: %.1f band entries confirmed an article "
            + "(articles %,d-%,d)%n", i, confirmed / (double) (i - since), since + 1, i);
        confirmed = 0;
        since = i;
        mark++;
      }
    }
  }
}
