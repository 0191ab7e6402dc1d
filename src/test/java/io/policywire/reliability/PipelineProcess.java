package io.policywire.reliability;

import io.policywire.config.PolicywireConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code policywire pipeline} in its own JVM, started from the jar as an operator would, so a
 * fault test can kill it with SIGKILL ({@link #kill}) or stop it with SIGTERM ({@link #stop}).
 */
final class PipelineProcess implements AutoCloseable {

  private final Process process;
  private final int httpPort;
  private final Path log;

  private PipelineProcess(Process process, int httpPort, Path log) {
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
  }

  /** Starts an instance with its own state directory; {@code extraEnv} adds KAFKA_* settings. */
  static PipelineProcess start(PolicywireConfig config, Path stateDir, Path log,
      Map<String, String> extraEnv) throws IOException {
    int port = freePort();
    Map<String, String> env = new HashMap<>(Map.of(
        "POLICYWIRE_BOOTSTRAP_SERVERS", config.bootstrapServers(),
        "POLICYWIRE_TOPIC_PREFIX", config.topicPrefix(),
        "POLICYWIRE_APPLICATION_ID", config.applicationId(),
        "POLICYWIRE_STATE_DIR", stateDir.toString(),
        "POLICYWIRE_HTTP_PORT", String.valueOf(port),
        // commit often so a kill loses (and must redo) little, as a latency-minded operator would
        "KAFKA_COMMIT_INTERVAL_MS", "200"));
    env.putAll(extraEnv);
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-XX:TieredStopAtLevel=1", "-jar", Path.of("target", "policywire.jar").toString(),
        "pipeline"))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    return new PipelineProcess(builder.start(), port, log);
  }

  boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException("pipeline exited with " + process.exitValue()
          + "; see " + log);
    }
    try {
      HttpResponse<Void> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
              .timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL: no shutdown hook, no commit, no transaction abort. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * SIGTERM: leaves the group and commits, as a rolling restart does. True when the JVM ended
   * by itself, with the status a JVM ends with on SIGTERM (143).
   */
  boolean stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      return false;
    }
    return process.exitValue() == 128 + 15;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
