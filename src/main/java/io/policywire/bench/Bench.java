package io.policywire.bench;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * {@code policywire bench}: the end-to-end benchmark on an embedded broker in this JVM. Every
 * figure comes from one run on one machine, so compare them as ratios, not across machines.
 */
public final class Bench {

  /**
   * What to run.
   *
   * @param warmUpArticles articles each topology processes, unmeasured, before the measured runs
   *     (JIT warm-up); 0 measures from a cold start
   * @param memoryArticles articles for the memory run, all published within one
   *     de-duplication window; 0 skips it
   * @param bootstrapServers a broker to run against, or null for one embedded in this JVM (whose
   *     heap then counts in the figures)
   */
  public record Options(int articles, int warmUpArticles, List<Integer> threads,
      List<Integer> rates, int latencySeconds, int memoryArticles, String bootstrapServers) {}

  /** How many times the pipeline run's articles the pass-through processes. */
  static final int PASS_THROUGH_SCALE = 10;

  private Bench() {}

  public static BenchResult run(PolicywireConfig base, Options options, PrintWriter log)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("policywire-bench-");
    EmbeddedKafkaBroker broker = options.bootstrapServers() == null
        ? EmbeddedKafkaBroker.start(0, work.resolve("broker")) : null;
    try {
      String bootstrap = broker != null ? broker.bootstrapServers() : options.bootstrapServers();
      EndToEndBenchmark e2e = new EndToEndBenchmark(base.withBootstrapServers(bootstrap), work,
          log);
      BenchResult.WarmUp warmUp = null;
      if (options.warmUpArticles() > 0) {
        EndToEndBenchmark.Throughput cold = e2e.warmUp(options.warmUpArticles());
        warmUp = new BenchResult.WarmUp(options.warmUpArticles(), round(cold.articlesPerSec()),
            Math.round(cold.cpuMsPerArticle() * 1000) / 1000.0);
      }
      // the pass-through gets through a pipeline run's articles in a few commit intervals, too
      // few to time: it runs on more, which its cost per article does not depend on
      int passThroughArticles = options.articles() * PASS_THROUGH_SCALE;
      EndToEndBenchmark.Throughput ceiling = e2e.passThroughThroughput(passThroughArticles);
      double passThrough = round(ceiling.articlesPerSec());
      Map<Integer, Double> byThreads = new LinkedHashMap<>();
      List<BenchResult.StateSample> dedupState = List.of();
      double pipelineCpuMs = Double.NaN;
      double pipelineBrokerKb = Double.NaN;
      for (int threads : options.threads()) {
        EndToEndBenchmark.Throughput run = e2e.pipelineThroughput(options.articles(), threads);
        byThreads.put(threads, round(run.articlesPerSec()));
        dedupState = dedupState.isEmpty() ? run.dedupState() : dedupState;
        pipelineCpuMs = Double.isNaN(pipelineCpuMs) ? run.cpuMsPerArticle() : pipelineCpuMs;
        pipelineBrokerKb = Double.isNaN(pipelineBrokerKb) ? run.brokerKbPerArticle()
            : pipelineBrokerKb;
      }
      Map<Integer, BenchResult.Percentiles> latency = new LinkedHashMap<>();
      for (int rate : options.rates()) {
        latency.put(rate, e2e.latency(rate, options.latencySeconds()));
      }
      BenchResult.MemoryRun memory = options.memoryArticles() > 0
          ? e2e.memory(options.memoryArticles(), base.dedupeWindow()) : null;
      double pipeline = byThreads.getOrDefault(1, byThreads.values().iterator().next());
      int highestRate = options.rates().stream().max(Integer::compare).orElse(0);
      return new BenchResult(machine(), options.articles(), passThroughArticles, warmUp,
          pipeline, passThrough,
          Math.round(pipeline / passThrough * 1000) / 1000.0,
          Math.round(pipelineCpuMs * 1000) / 1000.0,
          Math.round(ceiling.cpuMsPerArticle() * 1000) / 1000.0,
          Math.round(ceiling.cpuMsPerArticle() / pipelineCpuMs * 1000) / 1000.0,
          Math.round(pipelineBrokerKb * 10) / 10.0,
          Math.round(ceiling.brokerKbPerArticle() * 10) / 10.0,
          latency.isEmpty() ? Double.NaN : latency.get(highestRate).p99(), byThreads, latency,
          dedupState,
          MemoryUse.heapAfterGcMb(), MemoryUse.rssMb(), memory, base.processingGuarantee());
    } finally {
      if (broker != null) {
        broker.close();
      }
      Utils.delete(work.toFile());
    }
  }

  private static double round(double v) {
    return Math.round(v);
  }

  static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
        + System.getProperty("java.version") + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
  }
}
