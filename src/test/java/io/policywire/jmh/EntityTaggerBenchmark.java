package io.policywire.jmh;

import io.policywire.model.RawArticle;
import io.policywire.normalize.Normalizer;
import io.policywire.tag.EntityTagger;
import io.policywire.tag.KbEntity;
import io.policywire.tag.KnowledgeBase;
import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * {@code textBytes / (seconds per operation)}; the byte count is printed at setup, and JMH
 * reports it as the secondary result {@code :megabytes} (MB of text per second).
 * {@code dictionary} is the knowledge-base matching alone (with short forms and salience);
 * {@code full} adds open-vocabulary names (OpenNLP parts of speech), what the pipeline runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EntityTaggerBenchmark {

  static final int DICTIONARY_SIZE = 5_000;

  private List<String[]> articles;
  private EntityTagger dictionaryOnly;
  private EntityTagger full;
  private double megabytes;

  /** Megabytes of text tagged, which JMH turns into MB/s ({@code :megabytes}). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Text {
    public double megabytes;

    @Setup(Level.Iteration)
    public void clear() {
      megabytes = 0;
    }
  }

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
    megabytes = bytes / 1e6;
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
  public void dictionary(Blackhole sink, Text text) {
    for (String[] a : articles) {
      sink.consume(dictionaryOnly.tag(a[0], a[1]));
    }
    text.megabytes += megabytes;
  }

  @Benchmark
  public void full(Blackhole sink, Text text) {
    for (String[] a : articles) {
      sink.consume(full.tag(a[0], a[1]));
    }
    text.megabytes += megabytes;
  }

  /**
   * The same work timed by this thread's CPU time rather than wall time, for a machine whose
   * cores are shared (JMH's wall-clock figures then mostly measure waiting):
   * {@code java -cp … io.policywire.jmh.EntityTaggerBenchmark [BASELINE_CLASSES…]}. Given the
   * class folders of another build (its {@code target/classes} and {@code target/test-classes}),
   * it times that build's tagger in the same JVM, rounds interleaved, and prints the ratio: one
   * run compares old and new under the same load. Each tagger first runs for 3 s of CPU time
   * (warm-up), then 10 rounds of about 0.25 s each; each figure is the median round.
   */
  public static void main(String[] args) throws Exception {
    EntityTaggerBenchmark b = new EntityTaggerBenchmark();
    b.setUp();
    long bytes = 0;
    for (String[] a : b.articles) {
      bytes += a[1].getBytes(StandardCharsets.UTF_8).length;
    }
    Map<String, Op> ops = new LinkedHashMap<>();
    ops.put("dictionary", b.dictionaryOnly::tag);
    ops.put("full", b.full::tag);
    if (args.length > 0) {
      ops.putAll(baseline(args));
    }
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    // warm-up by time, not by count: a fast path gets as much JIT time as a slow one
    Map<String, Integer> runs = new LinkedHashMap<>();
    for (Map.Entry<String, Op> op : ops.entrySet()) {
      long spent = 0;
      double last = 0;
      while (spent < WARM_UP_NANOS) {
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 10; i++) {
          b.tagAll(op.getValue());
        }
        long chunk = threads.getCurrentThreadCpuTime() - cpu;
        spent += chunk;
        last = chunk / 10.0;
      }
      runs.put(op.getKey(), (int) Math.max(10, ROUND_NANOS / last));
    }
    int rounds = 10;
    Map<String, double[]> seconds = new LinkedHashMap<>();
    ops.keySet().forEach(k -> seconds.put(k, new double[rounds]));
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Op> op : ops.entrySet()) {
        int n = runs.get(op.getKey());
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
          b.tagAll(op.getValue());
        }
        seconds.get(op.getKey())[round] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9 / n;
      }
    }
    Map<String, Double> median = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : seconds.entrySet()) {
      double[] v = e.getValue().clone();
      Arrays.sort(v);
      double m = v[v.length / 2];
      median.put(e.getKey(), m);
      System.out.printf(Locale.ROOT, "%-20s %.3f ms CPU per operation, %.1f MB/s%n", e.getKey(),
          m * 1e3, bytes / 1e6 / m);
    }
    for (String k : List.of("dictionary", "full")) {
      Double old = median.get("baseline " + k);
      if (old != null) {
        System.out.printf(Locale.ROOT, "%-20s %.2fx the baseline's MB/s%n", k,
            old / median.get(k));
      }
    }
  }

  private static final long WARM_UP_NANOS = 3_000_000_000L;
  private static final long ROUND_NANOS = 250_000_000L;

  private void tagAll(Op op) throws Exception {
    for (String[] a : articles) {
      op.tag(a[0], a[1]);
    }
  }

  /** One tagging call, of this build or of a baseline loaded beside it. */
  interface Op {
    Object tag(String title, String text) throws Exception;
  }

  /**
   * The dictionary and full taggers of another build, loaded from its class folders with this
   * JVM's library jars, apart from this build's classes.
   */
  private static Map<String, Op> baseline(String[] classFolders) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String folder : classFolders) {
      urls.add(Path.of(folder).toUri().toURL());
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
        ClassLoader.getPlatformClassLoader());
    Class<?> type = loader.loadClass(EntityTaggerBenchmark.class.getName());
    Object bench = type.getConstructor().newInstance();
    type.getMethod("setUp").invoke(bench);
    Map<String, Op> out = new LinkedHashMap<>();
    for (String name : List.of("dictionary", "full")) {
      Field field = type.getDeclaredField(name.equals("full") ? "full" : "dictionaryOnly");
      field.setAccessible(true);
      Object tagger = field.get(bench);
      MethodHandle tag = MethodHandles.publicLookup().findVirtual(tagger.getClass(), "tag",
          MethodType.methodType(List.class, String.class, String.class)).bindTo(tagger);
      out.put("baseline " + name, (title, text) -> {
        try {
          return tag.invoke(title, text);
        } catch (Throwable t) {
          throw new IllegalStateException(t);
        }
      });
    }
    return out;
  }
}
