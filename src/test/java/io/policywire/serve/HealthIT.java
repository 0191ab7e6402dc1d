package io.policywire.serve;

import static io.policywire.serve.ServeFixtures.get;
import static io.policywire.serve.ServeFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.PolicywireConfig;
import io.policywire.pipeline.PipelineRunner;
import io.policywire.testing.Await;
import io.policywire.testing.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness on a real broker: an instance that cannot go on (here a topic it reads was deleted
 * under it, which Kafka Streams cannot recover from) reports ERROR and fails {@code /health/live},
 * so an orchestrator restarts it; it was live and ready before.
 */
class HealthIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path stateDir;
  private PipelineRunner runner;

  @AfterEach
  void stop() {
    if (runner != null) {
      runner.close();
    }
  }

  @Test
  void shouldFailLivenessOnceStreamsIsInError() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(stateDir)
        .withKafka(Map.of("metadata.max.age.ms", "500"));
    runner = PipelineRunner.start(config, true);
    int port = runner.httpPort();
    Await.until(TIMEOUT, () -> get(port, "/health/ready").statusCode() == 200, "ready");
    assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);

    try (Admin admin = TestTopics.admin()) {
      admin.deleteTopics(List.of(config.topics().alerts())).all().get();
    }

    Await.until(TIMEOUT, () -> runner.streams().state() == KafkaStreams.State.ERROR,
        "Streams in ERROR after losing a source topic");
    assertThat(get(port, "/health/live").statusCode()).isEqualTo(503);
    assertThat(json(get(port, "/health/live")).get("state").asText()).isEqualTo("ERROR");
    assertThat(get(port, "/health/ready").statusCode()).isEqualTo(503);
  }
}
