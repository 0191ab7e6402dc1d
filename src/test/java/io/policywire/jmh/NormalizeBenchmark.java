package io.policywire.jmh;

import io.policywire.bench.WorkloadGenerator;
import io.policywire.model.RawArticle;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.normalize.Normalizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.LongStream;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The normalize stage on one core: one operation normalises every seed article once, as the
 * scraped text it is ({@code text}) or wrapped in a page with navigation, share bar, related
 * stories and footer ({@code html}). MB/s is {@code corpusBytes / (seconds per operation)};
 * the corpus size is printed at setup. {@link #main} times the same work, and the bench workload,
 * by CPU time, against an older build of the stage in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NormalizeBenchmark {

  @Param({"text", "html"})
  public String format;

  private List<RawArticle> articles;
  private Normalizer normalizer;

  @Setup
  public void setUp() {
    articles = format.equals("html") ? BenchmarkCorpus.asPages(BenchmarkCorpus.seeds())
        : BenchmarkCorpus.seeds();
    normalizer = new Normalizer(1 << 20);
    articles.forEach(normalizer::normalize); // loads the language model outside the timing
    long bytes = 0;
    for (RawArticle a : articles) {
      bytes += (a.title() == null ? "" : a.title()).getBytes(StandardCharsets.UTF_8).length
          + a.body().getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.println("corpusBytes=" + bytes);
  }

  @Benchmark
  public void normalizeSeeds(Blackhole sink) {
    for (RawArticle article : articles) {
      NormalizedArticle clean = normalizer.normalize(article);
      sink.consume(clean);
    }
  }

  /**
   * Per-article CPU time of this build's normalize, and of an older one when given, in one JVM:
   * {@code scripts/normalize-cpu.sh [REV]} compiles the {@code normalize} package of REV into
   * a directory and passes it as {@code --baseline DIR}. Each round normalises every article
   * with both, in alternating order, timing each call by this thread's CPU time (the cores here
   * are shared, so wall time mostly measures waiting); the first rounds only warm up. Also
   * checks that both give the same output for every article. {@code -Drounds=N} timed rounds
   * (30), {@code -Dwarmup=N} at least so many warm-up rounds, {@code -Dsets=html} only those sets.
   */
  public static void main(String[] args) throws Exception {
    Path baseline = args.length == 2 && args[0].equals("--baseline") ? Path.of(args[1]) : null;
    int rounds = Integer.getInteger("rounds", 30);
    int warmup = Integer.getInteger("warmup", 10);
    Map<String, List<RawArticle>> sets = new LinkedHashMap<>();
    sets.put("text (seeds)", BenchmarkCorpus.seeds());
    sets.put("html (seed pages)", BenchmarkCorpus.asPages(BenchmarkCorpus.seeds()));
    WorkloadGenerator workload = new WorkloadGenerator(42);
    List<RawArticle> generated = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      generated.add(workload.next());
    }
    sets.put("text (bench workload)", generated);
    // -Dsets=html: only the sets whose name starts so (to profile one)
    sets.keySet().removeIf(name -> !name.startsWith(System.getProperty("sets", "")));
    List<Function<RawArticle, Object>> impls = new ArrayList<>();
    Normalizer current = new Normalizer(1 << 20);
    impls.add(current::normalize);
    if (baseline != null) {
      impls.add(Baseline.load(baseline));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%-22s %9s %-9s %12s %12s %9s%n", "articles", "bytes", "build",
        "µs CPU/art.", "(median)", "MB/s");
    for (Map.Entry<String, List<RawArticle>> set : sets.entrySet()) {
      List<RawArticle> articles = set.getValue();
      for (RawArticle a : articles) {
        String now = String.valueOf(impls.get(0).apply(a));
        for (Function<RawArticle, Object> other : impls.subList(1, impls.size())) {
          if (!now.equals(String.valueOf(other.apply(a)))) {
            System.out.println("DIFFERENT OUTPUT for " + a.id() + ":\n  now " + now + "\n  was "
                + other.apply(a));
          }
        }
      }
      long bytes = bytes(articles);
      long[][] cpu = new long[impls.size()][];
      for (int i = 0; i < impls.size(); i++) {
        cpu[i] = new long[rounds * articles.size()];
      }
      // at least 2,000 warm-up calls of each build, so that both run compiled code
      int warmupRounds = Math.max(warmup, 2_000 / articles.size());
      for (int round = 0; round < warmupRounds + rounds; round++) {
        for (int k = 0; k < impls.size(); k++) {
          int i = (round + k) % impls.size(); // alternate which build goes first
          Function<RawArticle, Object> impl = impls.get(i);
          for (int n = 0; n < articles.size(); n++) {
            long start = threads.getCurrentThreadCpuTime();
            impl.apply(articles.get(n));
            long spent = threads.getCurrentThreadCpuTime() - start;
            if (round >= warmupRounds) {
              cpu[i][(round - warmupRounds) * articles.size() + n] = spent;
            }
          }
        }
      }
      double[] mean = new double[impls.size()];
      for (int i = 0; i < impls.size(); i++) {
        mean[i] = LongStream.of(cpu[i]).average().orElse(0) / 1e3;
        long[] sorted = cpu[i].clone();
        Arrays.sort(sorted);
        double mbPerS = bytes * rounds / 1e6 / (LongStream.of(cpu[i]).sum() / 1e9);
        System.out.printf("%-22s %9d %-9s %12.1f %12.1f %9.1f%n", set.getKey(), bytes,
            i == 0 ? "this" : "baseline", mean[i], sorted[sorted.length / 2] / 1e3, mbPerS);
      }
      if (impls.size() > 1) {
        System.out.printf("%-22s CPU per article, baseline / this: %.2f%n", set.getKey(),
            mean[1] / mean[0]);
      }
    }
  }

  private static long bytes(List<RawArticle> articles) {
    long bytes = 0;
    for (RawArticle a : articles) {
      bytes += (a.title() == null ? "" : a.title()).getBytes(StandardCharsets.UTF_8).length
          + a.body().getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  /**
   * The {@code io.policywire.normalize} classes of another build, loaded beside this build's:
   * child-first for that package, everything else (the model, jsoup, OpenNLP) shared.
   */
  private static final class Baseline extends URLClassLoader {
    private static final String PACKAGE = "io.policywire.normalize.";

    private Baseline(Path classes) throws IOException {
      super(new URL[] {classes.toUri().toURL()}, NormalizeBenchmark.class.getClassLoader());
    }

    static Function<RawArticle, Object> load(Path classes) throws Exception {
      Baseline loader = new Baseline(classes);
      Class<?> type = loader.loadClass(PACKAGE + "Normalizer");
      if (type.getClassLoader() != loader) {
        throw new IllegalStateException("no baseline Normalizer in " + classes);
      }
      Object normalizer = type.getConstructor(int.class).newInstance(1 << 20);
      Method normalize = type.getMethod("normalize", RawArticle.class);
      return raw -> {
        try {
          return normalize.invoke(normalizer, raw);
        } catch (ReflectiveOperationException e) {
          return e.getCause() != null ? e.getCause().getClass().getSimpleName() + ": "
              + e.getCause().getMessage() : e.toString();
        }
      };
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PACKAGE)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
