package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.ArticleTracker;
import io.policywire.kafka.Json;
import io.policywire.kafka.TopicDumper;
import io.policywire.model.RawArticle;
import io.policywire.testing.TestTopics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on a real broker, exactly-once, with its HTTP server. */
class PipelineIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String BODY = "The Federal Trade Commission on Monday sued to block the "
      + "merger, saying it would harm competition.";

  @TempDir Path stateDir;
  private PolicywireConfig config;
  private PipelineRunner runner;

  @BeforeEach
  void start() throws Exception {
    config = TestTopics.isolatedConfig(stateDir);
    runner = PipelineRunner.start(config, true);
    assertThat(runner.awaitRunning(TIMEOUT)).as("pipeline reaches RUNNING").isTrue();
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  @Test
  void shouldEnrichGoodArticlesAndDeadLetterBadOnesWithoutStopping() throws Exception {
    byte[] notJson = "<html>not json</html>".getBytes(StandardCharsets.UTF_8);
    byte[] noBody = "{\"id\":\"bad-2\",\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8);
    byte[] binary = {0, (byte) 0xff, 0x13, (byte) 0x80};
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>(config.topics().raw(), "bad-1", notJson));
      producer.send(new ProducerRecord<>(config.topics().raw(), "bad-2", noBody));
      producer.send(new ProducerRecord<>(config.topics().raw(), "bad-3", binary));
      producer.send(new ProducerRecord<>(config.topics().raw(), "good-1", json(
          new RawArticle("good-1", null, "Wire", "FTC sues", BODY, null, "2024-01-01", null))));
      producer.send(new ProducerRecord<>(config.topics().raw(), "good-2", json(
          new RawArticle("good-2", null, "Daily", "FTC moves to block deal", BODY, null,
              "2024-01-02", null))));
      producer.flush();
    }

    ArticleTracker.Outcome outcome = new ArticleTracker(config.bootstrapServers(), Map.of())
        .await(Set.of("bad-1", "bad-2", "bad-3", "good-1", "good-2"),
            config.topics().enriched(), config.topics().dlq(), TIMEOUT);

    assertThat(outcome.missing()).isEmpty();
    assertThat(outcome.enriched()).containsExactlyInAnyOrder("good-1", "good-2");
    assertThat(outcome.deadLettered()).containsExactlyInAnyOrder("bad-1", "bad-2", "bad-3");
    TopicDumper dumper = new TopicDumper(config.bootstrapServers(), Map.of());
    List<ObjectNode> dead = dumper.read(config.topics().dlq(), TIMEOUT);
    JsonNode binaryLine = dead.stream().filter(l -> l.get("key").asText().equals("bad-3"))
        .findFirst().orElseThrow();
    assertThat(binaryLine.get("valueBase64").asText()).isEqualTo("AP8TgA==");
    assertThat(binaryLine.get("headers").get("__streams.errors.topic").asText())
        .isEqualTo(config.topics().raw());
    assertThat(binaryLine.get("headers").has("__streams.errors.offset")).isTrue();
    JsonNode noBodyLine = dead.stream().filter(l -> l.get("key").asText().equals("bad-2"))
        .findFirst().orElseThrow();
    assertThat(noBodyLine.get("value").get("title").asText()).isEqualTo("t");
    assertThat(noBodyLine.get("headers").get("__streams.errors.message").asText())
        .isEqualTo("article bad-2 has no body");

    List<ObjectNode> stories = dumper.read(config.topics().stories(), TIMEOUT);
    JsonNode story = stories.get(stories.size() - 1).get("value");
    assertThat(story.get("articleIds")).hasSize(2);
    assertThat(story.get("canonicalId").asText()).isEqualTo("good-1");
  }

  @Test
  void shouldServeHealthAndStreamsMetricsOverHttp() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + runner.httpPort();

    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
        .build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("RUNNING");
    assertThat(metrics.body()).contains("kafka_stream_thread_process_rate")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void shouldBeReadableByKcatAClientWeDidNotWrite() throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>(config.topics().raw(), "k1", json(
          new RawArticle("k1", null, "Wire", "FTC sues", BODY, null, null, null)))).get();
    }
    assertThat(new ArticleTracker(config.bootstrapServers(), Map.of()).await(Set.of("k1"),
        config.topics().enriched(), config.topics().dlq(), TIMEOUT).enriched()).contains("k1");

    Process kcat = kcat("-b", config.bootstrapServers(), "-C", "-e", "-q",
        "-X", "isolation.level=read_committed", "-t", config.topics().enriched(),
        "-f", "%k\t%s\n");
    assertThat(kcat.waitFor(60, TimeUnit.SECONDS)).as("kcat finishes").isTrue();
    String output = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(kcat.exitValue()).as("kcat exit code; output: %s", output).isZero();
    String[] line = output.strip().split("\t", 2);
    assertThat(line[0]).isEqualTo("k1");
    JsonNode value = Json.MAPPER.readTree(line[1]);
    assertThat(value.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(value.get("text").asText()).isEqualTo(BODY);
    assertThat(value.get("dedup").get("storyId").asText()).startsWith("s");
  }

  private static Process kcat(String... args) {
    List<String> command = new ArrayList<>(List.of("kcat"));
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("kcat is not installed; scripts/test.sh installs it", e);
    }
  }

  private byte[] json(RawArticle article) {
    return AppSerdes.RAW_ARTICLE.serializer().serialize(null, article);
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }
}
