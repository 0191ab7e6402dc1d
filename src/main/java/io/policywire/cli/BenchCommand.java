package io.policywire.cli;

import io.policywire.bench.Bench;
import io.policywire.bench.BenchReport;
import io.policywire.bench.BenchResult;
import io.policywire.config.ConfigLoader;
import io.policywire.kafka.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policywire bench}: the end-to-end benchmark on an embedded broker. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure the pipeline end to end on an embedded broker: throughput against a "
        + "pass-through topology, publish-to-enriched latency at fixed rates, memory.",
        "Progress goes to stderr; the last line on stdout is one JSON object."})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--articles", defaultValue = "3000", paramLabel = "N",
      description = "Articles (about 5 KB each) per throughput run (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--warm-up-articles", defaultValue = "6000", paramLabel = "N",
      description = {"Articles the pipeline and the pass-through each process, unmeasured, "
          + "before the measured runs, so those time compiled code as a long-running pipeline "
          + "does; the cold run's figures are printed too. 0 measures from a cold start "
          + "(default: ${DEFAULT-VALUE})."})
  int warmUpArticles;

  @Option(names = "--threads", defaultValue = "1,2", split = ",", paramLabel = "N",
      description = "Stream-thread counts to measure throughput with (default: ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(names = "--rates", defaultValue = "20,100", split = ",", paramLabel = "PER_SEC",
      description = "Fixed publishing rates for the latency runs (default: ${DEFAULT-VALUE}).")
  List<Integer> rates;

  @Option(names = "--latency-seconds", defaultValue = "20", paramLabel = "S",
      description = "Length of each latency run (default: ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(names = "--memory-articles", defaultValue = "0", paramLabel = "N",
      description = {"Also run N articles published within one de-duplication window "
          + "(dedupe.window) through the pipeline and report heap after GC, resident set and "
          + "de-duplication keys as they accumulate; 0 skips it (default). Run with the heap "
          + "limit to check, e.g. java -Xmx512m -jar policywire.jar bench --memory-articles "
          + "1000000 (about an hour here)."})
  int memoryArticles;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      description = {"Run against this broker (fresh topics each run) instead of one embedded "
          + "in this JVM, so the heap and RSS figures are the pipeline's alone, e.g. with "
          + "policywire broker --port 19092 in another process."})
  String bootstrapServers;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also append the run's markdown tables to FILE (e.g. docs/benchmarks.md).")
  Path report;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    err.println("policywire bench on " + benchMachine() + ": " + warmUpArticles
        + " articles to warm up, then " + articles + " articles, threads "
        + threads + ", rates " + rates + "/s for " + latencySeconds + " s each"
        + (memoryArticles > 0 ? "; memory run of " + memoryArticles + " articles" : ""));
    BenchResult result = Bench.run(ConfigLoader.defaults(System.getenv()),
        new Bench.Options(articles, warmUpArticles, threads, rates, latencySeconds,
            memoryArticles, bootstrapServers), err);
    PrintWriter out = spec.commandLine().getOut();
    if (report != null) {
      Files.writeString(report, "\n" + BenchReport.markdown(result, LocalDate.now(),
          "policywire " + String.join(" ", spec.commandLine().getParseResult().originalArgs())),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      err.println("appended the run's tables to " + report);
    }
    out.println(Json.MAPPER.writeValueAsString(result));
    out.flush();
    return 0;
  }

  private static String benchMachine() {
    return Runtime.getRuntime().availableProcessors() + " cores";
  }
}
