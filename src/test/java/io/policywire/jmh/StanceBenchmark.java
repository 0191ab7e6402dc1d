package io.policywire.jmh;

import io.policywire.model.EntityMention;
import io.policywire.model.RawArticle;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.normalize.Normalizer;
import io.policywire.tag.EntityTagger;
import io.policywire.tag.stance.StanceAnalyzer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * The stance stage alone on one core: one operation analyses every seed article once, from its
 * clean text and the entities the tagger found (both prepared at setup, outside the timing).
 * MB/s is {@code textBytes / (seconds per operation)}; the text size is printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StanceBenchmark {

  private final List<String> texts = new ArrayList<>();
  private final List<List<EntityMention>> entities = new ArrayList<>();
  private StanceAnalyzer analyzer;

  @Setup
  public void setUp() {
    Normalizer normalizer = new Normalizer(1 << 20);
    EntityTagger tagger = EntityTagger.defaults();
    long bytes = 0;
    for (RawArticle raw : BenchmarkCorpus.seeds()) {
      NormalizedArticle clean = normalizer.normalize(raw);
      texts.add(clean.text());
      entities.add(tagger.tag(clean.title(), clean.text()));
      bytes += clean.text().getBytes(StandardCharsets.UTF_8).length;
    }
    analyzer = new StanceAnalyzer();
    System.out.println("textBytes=" + bytes);
  }

  @Benchmark
  public void analyzeSeeds(Blackhole sink) {
    for (int i = 0; i < texts.size(); i++) {
      sink.consume(analyzer.analyze(texts.get(i), entities.get(i)));
    }
  }
}
