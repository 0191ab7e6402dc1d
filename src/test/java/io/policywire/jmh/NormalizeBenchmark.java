package io.policywire.jmh;

import io.policywire.model.RawArticle;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.normalize.Normalizer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * the corpus size is printed at setup.
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
    articles = format.equals("html") ? BenchmarkCorpus.asPages(BenchmarkCorpus.seeds()) : BenchmarkCorpus.seeds();
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
}
