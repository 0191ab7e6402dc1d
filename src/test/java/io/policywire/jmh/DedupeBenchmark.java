package io.policywire.jmh;

import io.policywire.dedupe.ContentFingerprint;
import io.policywire.dedupe.DedupeSettings;
import io.policywire.dedupe.InMemoryDeduplicator;
import io.policywire.dedupe.Sketcher;
import io.policywire.dedupe.WireCopyCorpus;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.normalize.Normalizer;
import java.time.Instant;
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
 * Cost per article of wire-copy detection on one core, over the harness corpus (193 articles:
 * seeds, samples and our own articles with their copies). Each operation handles every article
 * once; divide by {@code articles} (printed at setup) for the cost per article.
 * {@code fingerprint}: the exact fast path alone; {@code signature}: shingles, MinHash and band
 * keys; {@code lookup}: the whole decision against an index holding the corpus (candidates from
 * 32 bands, confirmation, story assignment) without Kafka.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DedupeBenchmark {

  private static final Instant SEEN = Instant.parse("2024-06-20T00:00:00Z");
  private List<NormalizedArticle> articles;
  private Sketcher sketcher;

  @Setup
  public void setUp() {
    Normalizer normalizer = new Normalizer(1 << 20);
    articles = WireCopyCorpus.build(42).stream()
        .map(l -> normalizer.normalize(l.raw())).toList();
    sketcher = new Sketcher(DedupeSettings.defaults());
    System.out.println("articles=" + articles.size());
  }

  @Benchmark
  public void fingerprint(Blackhole sink) {
    for (NormalizedArticle a : articles) {
      sink.consume(ContentFingerprint.of(a.text()));
    }
  }

  @Benchmark
  public void signature(Blackhole sink) {
    for (NormalizedArticle a : articles) {
      long[] shingles = sketcher.shingles(a.text());
      byte[] signature = sketcher.signature(shingles);
      sink.consume(sketcher.bandKeys(signature, shingles.length));
    }
  }

  @Benchmark
  public void lookup(Blackhole sink) {
    InMemoryDeduplicator dedup = new InMemoryDeduplicator(DedupeSettings.defaults());
    for (NormalizedArticle a : articles) {
      sink.consume(dedup.decide(a, SEEN));
    }
  }
}
