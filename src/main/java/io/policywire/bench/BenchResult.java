package io.policywire.bench;

import java.util.List;
import java.util.Map;

/**
 * What {@code policywire bench} measured in one run; printed as one JSON line.
 *
 * @param articles articles per run of the full pipeline
 * @param passThroughArticles articles of the pass-through run (more: it is that much faster)
 * @param warmUp the unmeasured run before the others (null when there was none)
 * @param pipelineCpuMsPerArticle CPU time of the stream threads per article, full pipeline (the
 *     first thread count run): unlike articles/s, it does not move with the machine's load
 * @param passThroughCpuMsPerArticle the same for the pass-through topology
 * @param cpuRatio pass-through CPU per article over the pipeline's: the throughput ratio the
 *     pipeline would reach if CPU were the only limit
 * @param pipelineBrokerKbPerArticle what the pipeline's topics (input, outputs, repartitions,
 *     changelogs) hold on the broker after the run, per article, before compaction: the broker's
 *     cost of an article
 * @param passThroughBrokerKbPerArticle the same for the pass-through (its input and output)
 * @param pipelineThreadsArticlesPerSec throughput of the full pipeline per stream-thread count
 * @param latencyMs publish-to-enriched latency per rate (articles/s): p50, p95, p99
 * @param dedupState keys in the de-duplication stores as the one-thread pipeline run went on;
 *     the workload's publishedAt advances {@link WorkloadGenerator#SECONDS_BETWEEN_ARTICLES} s
 *     per article, so a long enough run crosses the retention window and the count levels off
 * @param memory the memory run ({@code bench --memory-articles}), null when not asked for
 */
public record BenchResult(
    String machine,
    int articles,
    int passThroughArticles,
    WarmUp warmUp,
    double pipelineArticlesPerSec,
    double passThroughArticlesPerSec,
    double ratio,
    double pipelineCpuMsPerArticle,
    double passThroughCpuMsPerArticle,
    double cpuRatio,
    double pipelineBrokerKbPerArticle,
    double passThroughBrokerKbPerArticle,
    double p99LatencyMs,
    Map<Integer, Double> pipelineThreadsArticlesPerSec,
    Map<Integer, Percentiles> latencyMs,
    List<StateSample> dedupState,
    long heapUsedMb,
    long rssMb,
    MemoryRun memory,
    String processingGuarantee) {

  /**
   * The warm-up: each topology over {@code articles} of their own before anything is measured;
   * the pipeline's figures of it are those of a cold start (interpreted code, JIT compiling).
   */
  public record WarmUp(int articles, double coldPipelineArticlesPerSec,
      double coldPipelineCpuMsPerArticle) {}

  /** Keys held in the de-duplication stores once {@code articles} had come out. */
  public record StateSample(int articles, long keys) {}

  /**
   * The pipeline's memory as articles published within one de-duplication window accumulate.
   *
   * @param windowDays the window the articles' event times span
   * @param peakHeapAfterGcMb the highest of the samples' heap after a full collection
   */
  public record MemoryRun(int articles, double windowDays, long maxHeapMb,
      long peakHeapAfterGcMb, long peakRssMb, double articlesPerSec,
      List<MemorySample> samples) {}

  /** Memory once {@code articles} had come out. */
  public record MemorySample(int articles, long heapAfterGcMb, long rssMb, long dedupeKeys) {}

  /**
   * Latency percentiles of one fixed-rate run.
   *
   * @param saturated the rate was above what the pipeline sustains: not every article came out
   *     before the run gave up, and the figures are those of the ones that did
   */
  public record Percentiles(double p50, double p95, double p99, int samples, boolean saturated) {

    static Percentiles of(List<Long> values, boolean saturated) {
      long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Percentiles(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.length,
          saturated);
    }

    private static double at(long[] sorted, double q) {
      return sorted.length == 0 ? Double.NaN
          : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
  }
}
