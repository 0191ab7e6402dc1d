package io.policywire.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The markdown tables of one bench run, as kept in {@code docs/benchmarks.md}. */
public final class BenchReport {

  private BenchReport() {}

  public static String markdown(BenchResult r, LocalDate day, String command) {
    StringBuilder md = new StringBuilder();
    md.append("## Run of ").append(day).append("\n\n")
        .append("Machine: ").append(r.machine()).append(". Command: `").append(command)
        .append("`. Guarantee: ").append(r.processingGuarantee()).append(". Every figure below ")
        .append("comes from this one run; compare them as ratios.\n\n")
        .append("| measure | value |\n|---|---|\n")
        .append(row("articles per throughput run, pipeline / pass-through",
            String.format("%,d / %,d", r.articles(), r.passThroughArticles())))
        .append(warmUpRow(r.warmUp()))
        .append(row("pass-through (ceiling), articles/s", num(r.passThroughArticlesPerSec())))
        .append(row("full pipeline, articles/s", num(r.pipelineArticlesPerSec())))
        .append(row("**ratio pipeline / pass-through**", "**" + r.ratio() + "**"))
        .append(row("stream-thread CPU per article, pipeline / pass-through, ms",
            r.pipelineCpuMsPerArticle() + " / " + r.passThroughCpuMsPerArticle()))
        .append(row("CPU ratio (pass-through CPU per article / pipeline's)",
            String.valueOf(r.cpuRatio())))
        .append(row("KB on the broker per article (all topics of the run, before compaction), "
            + "pipeline / pass-through", r.pipelineBrokerKbPerArticle() + " / "
            + r.passThroughBrokerKbPerArticle()));
    for (Map.Entry<Integer, Double> t : r.pipelineThreadsArticlesPerSec().entrySet()) {
      md.append(row("pipeline with " + t.getKey() + " stream thread(s), articles/s",
          num(t.getValue())));
    }
    md.append(row("heap used after the run, MB", String.valueOf(r.heapUsedMb())))
        .append(row("resident set size, MB", String.valueOf(r.rssMb())));
    md.append("\nPublish-to-enriched latency at fixed rates (read-committed, so it includes the ")
        .append("transaction commit interval):\n\n")
        .append("| rate, articles/s | p50 ms | p95 ms | p99 ms | samples |\n|---|---|---|---|---|\n");
    for (Map.Entry<Integer, BenchResult.Percentiles> l : r.latencyMs().entrySet()) {
      BenchResult.Percentiles p = l.getValue();
      md.append("| ").append(l.getKey()).append(" | ").append(num(p.p50())).append(" | ")
          .append(num(p.p95())).append(" | ").append(num(p.p99())).append(" | ")
          .append(p.samples()).append(" |\n");
    }
    md.append(stateTable(r.dedupState()));
    md.append(memoryTable(r.memory()));
    return md.toString();
  }

  private static String warmUpRow(BenchResult.WarmUp w) {
    return w == null ? row("warm-up", "none: every figure from a cold start")
        : row(String.format("warm-up, unmeasured: %,d articles through each topology first; the "
            + "pipeline's cold run, articles/s and CPU ms per article", w.articles()),
            num(w.coldPipelineArticlesPerSec()) + " and " + w.coldPipelineCpuMsPerArticle());
  }

  private static String stateTable(List<BenchResult.StateSample> samples) {
    if (samples.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder("\nDe-duplication state as articles accumulate (event ")
        .append("time advances ").append(WorkloadGenerator.SECONDS_BETWEEN_ARTICLES)
        .append(" s per article):\n\n| articles out | days of event time | keys in dedupe stores |\n")
        .append("|---|---|---|\n");
    for (BenchResult.StateSample s : samples) {
      double days = s.articles() * WorkloadGenerator.SECONDS_BETWEEN_ARTICLES / 86_400.0;
      md.append("| ").append(String.format("%,d", s.articles())).append(" | ")
          .append(String.format("%.1f", days)).append(" | ")
          .append(String.format("%,d", s.keys())).append(" |\n");
    }
    return md.toString();
  }

  private static String memoryTable(BenchResult.MemoryRun m) {
    if (m == null) {
      return "";
    }
    StringBuilder md = new StringBuilder(String.format("%nMemory with %,d articles published "
        + "within one %.0f-day de-duplication window (max heap %,d MB; %,.0f articles/s; peak "
        + "heap after GC %,d MB, peak RSS %,d MB):%n%n", m.articles(), m.windowDays(),
        m.maxHeapMb(), m.articlesPerSec(), m.peakHeapAfterGcMb(), m.peakRssMb()))
        .append("| articles out | heap after GC, MB | RSS, MB | keys in dedupe stores |\n")
        .append("|---|---|---|---|\n");
    for (BenchResult.MemorySample s : m.samples()) {
      md.append(String.format("| %,d | %,d | %,d | %,d |%n", s.articles(), s.heapAfterGcMb(),
          s.rssMb(), s.dedupeKeys()));
    }
    return md.toString();
  }

  private static String row(String measure, String value) {
    return "| " + measure + " | " + value + " |\n";
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format("%,.0f", v);
  }
}
