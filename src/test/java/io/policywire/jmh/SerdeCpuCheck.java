package io.policywire.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.policywire.bench.WorkloadGenerator;
import io.policywire.dedupe.BandProbe;
import io.policywire.dedupe.DedupeSettings;
import io.policywire.dedupe.PendingArticle;
import io.policywire.dedupe.Sketch;
import io.policywire.dedupe.SketchFactory;
import io.policywire.dedupe.Sketcher;
import io.policywire.kafka.Json;
import io.policywire.model.AnnotatedArticle;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.RawArticle;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.normalize.Normalizer;
import io.policywire.pipeline.Enricher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU time (this thread's) to write and read back the pipeline's largest records, per record,
 * with each mapper: JSON by reflection (the mapper before Blackbird), JSON with Blackbird, and
 * Smile with Blackbird (the internal format). Records are the bench's generated workload, run
 * through the real enrichment. Not a JMH benchmark: one JVM, warm-up rounds, then the best of
 * five timed rounds.
 *
 * <pre>
 * mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" io.policywire.jmh.SerdeCpuCheck
 * </pre>
 *
 * <p>Optional arguments: the number of articles (300), and the mappers to time, comma-separated
 * (all by default; one per JVM keeps the JIT's profile of one from slowing the next).
 */
public final class SerdeCpuCheck {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static long sink;

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    WorkloadGenerator generator = new WorkloadGenerator(42);
    Normalizer normalizer = new Normalizer(1 << 20);
    Enricher enricher = new Enricher(1 << 20);
    Sketcher sketcher = new Sketcher(DedupeSettings.defaults());
    SketchFactory factory = new SketchFactory(sketcher);
    Instant seen = Instant.parse("2026-11-30T00:00:00Z");
    List<Object> enriched = new ArrayList<>();
    List<Object> pending = new ArrayList<>();
    List<Object> probes = new ArrayList<>();
    List<Object> sketches = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RawArticle raw = generator.next();
      NormalizedArticle article = normalizer.normalize(raw);
      EnrichedArticle e = enricher.enrich(raw);
      enriched.add(e);
      AnnotatedArticle annotated = new AnnotatedArticle(article, e.entities(), e.stances(),
          e.actions());
      Sketch sketch = factory.sketch(article, seen);
      pending.add(new PendingArticle(annotated, sketch, Map.of("policywire.raw.topic", "raw",
          "policywire.raw.partition", "3", "policywire.raw.offset", String.valueOf(i))));
      List<String> keys = sketcher.bandKeys(sketch.signature(), sketch.shingles());
      List<BandProbe.Band> bands = new ArrayList<>();
      for (int b = 0; b < keys.size(); b += 6) {
        bands.add(new BandProbe.Band(b, keys.get(b)));
      }
      probes.add(new BandProbe(0, bands, keys.size(), true, sketch, 3, "3-" + i));
      sketches.add(sketch.forIndex());
    }
    Map<String, ObjectMapper> mappers = new java.util.LinkedHashMap<>();
    mappers.put("json-reflection", Json.settings(JsonMapper.builder()).build());
    mappers.put("json-blackbird", Json.settings(JsonMapper.builder())
        .addModule(new BlackbirdModule()).build());
    mappers.put("smile-reflection", Json.settings(SmileMapper.builder()
        .disable(SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT)).build());
    mappers.put("smile-blackbird", Json.settings(SmileMapper.builder()
        .disable(SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT))
        .addModule(new BlackbirdModule()).build());
    Map<String, List<Object>> sets = new java.util.LinkedHashMap<>();
    sets.put("EnrichedArticle", enriched);
    sets.put("PendingArticle", pending);
    sets.put("BandProbe", probes);
    sets.put("Sketch", sketches);
    System.out.printf("%d articles; µs CPU per record, write + read (bytes)%n", n);
    if (args.length > 1) {
      mappers.keySet().retainAll(List.of(args[1].split(",")));
    }
    for (Map.Entry<String, List<Object>> set : sets.entrySet()) {
      for (Map.Entry<String, ObjectMapper> m : mappers.entrySet()) {
        double[] r = time(m.getValue(), set.getValue());
        System.out.printf("%-16s %-17s write %7.1f  read %7.1f  total %7.1f  (%,.0f bytes)%n",
            set.getKey(), m.getKey(), r[0], r[1], r[0] + r[1], r[2]);
      }
    }
    System.out.println(sink == 42 ? "" : " ");
  }

  /** Best of five rounds after warm-up: µs to write, µs to read, mean bytes. */
  private static double[] time(ObjectMapper mapper, List<Object> values) throws Exception {
    Class<?> type = values.get(0).getClass();
    var writer = mapper.writerFor(type);
    var reader = mapper.readerFor(type);
    List<byte[]> bytes = new ArrayList<>();
    for (Object v : values) {
      bytes.add(writer.writeValueAsBytes(v));
    }
    double bestWrite = Double.MAX_VALUE;
    double bestRead = Double.MAX_VALUE;
    for (int round = 0; round < 15; round++) {
      long t0 = CPU.getCurrentThreadCpuTime();
      for (Object v : values) {
        sink += writer.writeValueAsBytes(v).length;
      }
      long t1 = CPU.getCurrentThreadCpuTime();
      for (byte[] b : bytes) {
        sink += reader.readValue(b).hashCode();
      }
      long t2 = CPU.getCurrentThreadCpuTime();
      if (round >= 10) {
        bestWrite = Math.min(bestWrite, (t1 - t0) / 1e3 / values.size());
        bestRead = Math.min(bestRead, (t2 - t1) / 1e3 / values.size());
      }
    }
    double size = bytes.stream().mapToInt(b -> b.length).average().orElse(0);
    return new double[] {bestWrite, bestRead, size};
  }
}
