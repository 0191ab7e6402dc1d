package io.policywire.jmh;

import io.policywire.model.RawArticle;
import io.policywire.normalize.Normalizer;
import io.policywire.tag.EntityTagger;
import io.policywire.tag.KbEntity;
import io.policywire.tag.KnowledgeBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Entity tagging on one core, with a 5,000-entry dictionary: the shipped knowledge base plus
 * generated company, person and agency rows (each with an alias or two) up to 5,000 entities.
 * One operation tags the normalized text of every seed article once. MB/s is
 * {@code textBytes / (seconds per operation)}; the byte count is printed at setup.
 * {@code dictionary} is the knowledge-base matching alone (with short forms and salience);
 * {@code full} adds OpenNLP open-vocabulary names, the cost that dominates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EntityTaggerBenchmark {

  static final int DICTIONARY_SIZE = 5_000;

  private List<String[]> articles;
  private EntityTagger dictionaryOnly;
  private EntityTagger full;

  @Setup
  public void setUp() {
    KnowledgeBase kb = dictionary(DICTIONARY_SIZE);
    dictionaryOnly = EntityTagger.create(kb, false);
    full = EntityTagger.create(kb, true);
    Normalizer normalizer = new Normalizer(1 << 20);
    articles = new ArrayList<>();
    long bytes = 0;
    for (RawArticle raw : BenchmarkCorpus.seeds()) {
      var clean = normalizer.normalize(raw);
      articles.add(new String[] {clean.title(), clean.text()});
      bytes += clean.text().getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.println("textBytes=" + bytes + " dictionaryEntities=" + kb.size());
  }

  /** The shipped rows, then generated ones, {@code size} in all. */
  static KnowledgeBase dictionary(int size) {
    List<KbEntity> rows = new ArrayList<>(KnowledgeBase.builtIn().entities());
    Random random = new Random(42);
    String[] syllables = {"zor", "vex", "lin", "qua", "tar", "mex", "nol", "bri", "sta", "kor",
        "dun", "pel", "rho", "fen", "gal", "tis"};
    String[] heads = {"Dynamics", "Systems", "Labs", "Networks", "Holdings", "Agency", "Bureau"};
    int n = 0;
    while (rows.size() < size) {
      String stem = syllables[random.nextInt(syllables.length)]
          + syllables[random.nextInt(syllables.length)] + syllables[random.nextInt(16)];
      String name = Character.toUpperCase(stem.charAt(0)) + stem.substring(1) + " "
          + heads[random.nextInt(heads.length)] + " " + (n++);
      String type = n % 3 == 0 ? "PERSON" : n % 3 == 1 ? "ORG" : "GOV";
      String id = (type.equals("PERSON") ? "person:" : type.equals("ORG") ? "org:" : "gov:")
          + "synthetic-" + n;
      rows.add(new KbEntity(id, name, type,
          List.of(stem.toUpperCase() + n, name + " Inc."), "US", "synthetic", null));
    }
    return KnowledgeBase.of(rows);
  }

  @Benchmark
  public void dictionary(Blackhole sink) {
    for (String[] a : articles) {
      sink.consume(dictionaryOnly.tag(a[0], a[1]));
    }
  }

  @Benchmark
  public void full(Blackhole sink) {
    for (String[] a : articles) {
      sink.consume(full.tag(a[0], a[1]));
    }
  }

  /**
   * The same work timed by this thread's CPU time rather than wall time, for a machine whose
   * cores are shared (JMH's wall-clock figures then mostly measure waiting):
   * {@code java -cp … io.policywire.jmh.EntityTaggerBenchmark}.
   */
  public static void main(String[] args) {
    EntityTaggerBenchmark b = new EntityTaggerBenchmark();
    b.setUp();
    long bytes = 0;
    for (String[] a : b.articles) {
      bytes += a[1].getBytes(StandardCharsets.UTF_8).length;
    }
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (EntityTagger t : List.of(b.dictionaryOnly, b.full)) {
      int runs = 200;
      for (int round = 0; round < 8; round++) {
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
          for (String[] a : b.articles) {
            t.tag(a[0], a[1]);
          }
        }
        double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9 / runs;
        System.out.printf("%s round %d: %.2f ms CPU per operation, %.1f MB/s%n",
            t == b.full ? "full" : "dictionary", round, seconds * 1e3, bytes / 1e6 / seconds);
      }
    }
  }
}
