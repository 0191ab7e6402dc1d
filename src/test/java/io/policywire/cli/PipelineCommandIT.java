package io.policywire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.PolicywireConfig;
import io.policywire.testing.Await;
import io.policywire.testing.TestTopics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar policywire.jar pipeline} as an operator runs it: configured by POLICYWIRE_*
 * variables, ready on /health/ready, and stopped cleanly by SIGTERM.
 */
class PipelineCommandIT {

  @TempDir Path dir;

  @Test
  void shouldBecomeReadyFromEnvironmentConfigAndStopCleanlyOnSigterm() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("unused"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-jar", Path.of("target", "policywire.jar").toString(), "pipeline",
        "--bootstrap-servers", config.bootstrapServers()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("pipeline.log").toFile());
    builder.environment().putAll(Map.of(
        "POLICYWIRE_TOPIC_PREFIX", config.topicPrefix(),
        "POLICYWIRE_APPLICATION_ID", config.applicationId(),
        "POLICYWIRE_STATE_DIR", dir.resolve("state").toString(),
        "POLICYWIRE_HTTP_PORT", String.valueOf(port)));
    Process process = builder.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest ready = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/health/ready")).build();
      Await.until(Duration.ofSeconds(90), () -> {
        try {
          return http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException notYetListening) {
          assertThat(process.isAlive()).as("pipeline process is alive").isTrue();
          return false;
        }
      }, "the pipeline to report ready");

      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops within a minute").isTrue();
      assertThat(process.exitValue()).isEqualTo(143);
      assertThat(Files.readString(dir.resolve("pipeline.log")))
          .contains("PENDING_SHUTDOWN -> NOT_RUNNING");
    } finally {
      process.destroyForcibly();
    }
  }
}
