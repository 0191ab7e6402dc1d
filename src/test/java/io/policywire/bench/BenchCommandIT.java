package io.policywire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.kafka.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policywire bench} as a user runs it, shrunk to a few hundred articles: it must finish,
 * print the contract's JSON as its last line, and append its tables to the report. What it
 * measures is not asserted here (speed is judged from the bench's own output, never a test).
 */
class BenchCommandIT {

  @TempDir Path dir;

  @Test
  void shouldPrintTheContractJsonLastAndAppendMarkdownTables() throws Exception {
    Path report = dir.resolve("benchmarks.md");
    Files.writeString(report, "# Benchmarks\n");
    Process process = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
        "-jar", Path.of("target", "policywire.jar").toString(), "bench", "--articles", "400",
        "--warm-up-articles", "200", "--threads", "1,2", "--rates", "40", "--latency-seconds", "5",
        "--memory-articles", "300", "--report", report.toString()))
        .redirectError(dir.resolve("bench.err").toFile())
        .start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("bench finishes").isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("bench.err"))).isZero();

    List<String> lines = stdout.lines().toList();
    JsonNode result = Json.MAPPER.readTree(lines.get(lines.size() - 1));
    assertThat(result.get("pipelineArticlesPerSec").asDouble()).isPositive();
    assertThat(result.get("passThroughArticlesPerSec").asDouble()).isPositive();
    assertThat(result.get("ratio").asDouble()).isEqualTo(Math.round(
        result.get("pipelineArticlesPerSec").asDouble()
            / result.get("passThroughArticlesPerSec").asDouble() * 1000) / 1000.0);
    assertThat(result.get("p99LatencyMs").asDouble()).isPositive();
    assertThat(result.get("pipelineThreadsArticlesPerSec").has("2")).isTrue();
    assertThat(result.get("pipelineBrokerKbPerArticle").asDouble())
        .isGreaterThan(result.get("passThroughBrokerKbPerArticle").asDouble());
    assertThat(result.get("passThroughBrokerKbPerArticle").asDouble()).isPositive();
    assertThat(result.get("passThroughArticles").asInt()).isEqualTo(4000);
    assertThat(result.get("warmUp").get("articles").asInt()).isEqualTo(200);
    assertThat(result.get("warmUp").get("coldPipelineCpuMsPerArticle").asDouble()).isPositive();
    JsonNode memory = result.get("memory");
    assertThat(memory.get("articles").asInt()).isEqualTo(300);
    assertThat(memory.get("windowDays").asDouble()).isEqualTo(7.0);
    assertThat(memory.get("samples")).isNotEmpty();
    assertThat(memory.get("peakHeapAfterGcMb").asLong()).isPositive()
        .isLessThanOrEqualTo(memory.get("maxHeapMb").asLong());
    JsonNode state = result.get("dedupState");
    assertThat(state).isNotEmpty();
    assertThat(state.get(state.size() - 1).get("keys").asLong()).isPositive();

    String markdown = Files.readString(report);
    assertThat(markdown).startsWith("# Benchmarks\n")
        .contains("| **ratio pipeline / pass-through** | **" + result.get("ratio").asText())
        .contains("| 40 | ")
        .contains("warm-up, unmeasured: 200 articles through each topology first")
        .contains("keys in dedupe stores")
        .contains("Memory with 300 articles published within one 7-day de-duplication window");
  }
}
