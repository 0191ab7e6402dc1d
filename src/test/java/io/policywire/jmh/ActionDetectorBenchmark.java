package io.policywire.jmh;

import io.policywire.actions.ActionCorpus;
import io.policywire.actions.ActionDetector;
import io.policywire.actions.EntityDirectory;
import io.policywire.tag.EntityTagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Action detection alone on one core: one operation detects the actions of every article of a
 * corpus once, from its clean text and the entities the tagger found (both prepared at setup).
 * {@code texts} is every real or written article the project holds ({@link ActionCorpus}),
 * {@code bench} the end-to-end bench's generated workload, where nearly every sentence reports
 * an action. Scores are per operation; divide by the article count printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ActionDetectorBenchmark {

  /** Read at the end of {@link #main}, so the JIT cannot drop passes whose results go unused. */
  private static long found;

  @Param({"texts", "bench"})
  public String corpus;

  private List<ActionCorpus.Input> articles;
  private ActionDetector detector;

  @Setup
  public void setUp() {
    EntityTagger tagger = EntityTagger.defaults();
    articles = "bench".equals(corpus) ? ActionCorpus.bench(tagger) : ActionCorpus.texts(tagger);
    detector = new ActionDetector(EntityDirectory.of(tagger.knowledgeBase()));
    System.out.println("articles=" + articles.size());
  }

  /** The number of candidates found, returned so the work cannot be optimised away. */
  @Benchmark
  public int detect() {
    int found = 0;
    for (ActionCorpus.Input a : articles) {
      found += detector.candidates(a.text(), a.entities(), a.publishedAt()).size();
    }
    return found;
  }

  /**
   * The same work timed by this thread's CPU time rather than wall time, for a machine whose
   * cores are shared: {@code java -cp … io.policywire.jmh.ActionDetectorBenchmark}. Commit
   * 5f0d1ac held the detector from before the speed work as {@code LegacyActionDetector} and
   * timed both in alternating rounds of one run: 188 against 19.6 µs per article on
   * {@code texts} (9.6x), 4,242 against 302 µs on {@code bench} (14.0x).
   */
  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (String corpus : List.of("texts", "bench")) {
      ActionDetectorBenchmark b = new ActionDetectorBenchmark();
      b.corpus = corpus;
      b.setUp();
      double best = Double.MAX_VALUE;
      for (int round = 0; round < 8; round++) {
        double now = perArticle(threads, b, b::detect);
        best = Math.min(best, now);
        System.out.printf("%s round %d: %.1f µs CPU per article%n", corpus, round, now);
      }
      System.out.printf("%s best: %.1f µs CPU per article%n", corpus, best);
    }
    System.out.println("candidates found in all passes: " + found);
  }

  /** CPU microseconds per article over enough passes for about a second of work. */
  private static double perArticle(ThreadMXBean threads, ActionDetectorBenchmark b,
      IntSupplier pass) {
    int passes = 0;
    long start = threads.getCurrentThreadCpuTime();
    long spent;
    do {
      found += pass.getAsInt();
      passes++;
      spent = threads.getCurrentThreadCpuTime() - start;
    } while (spent < 1_000_000_000L);
    return spent / 1e3 / passes / b.articles.size();
  }
}
