package io.policywire.serve;

import static io.policywire.serve.ServeFixtures.get;
import static io.policywire.serve.ServeFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.ArticleTracker;
import io.policywire.model.Dedup;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityMention;
import io.policywire.model.StanceTag;
import io.policywire.pipeline.PipelineRunner;
import io.policywire.testing.Await;
import io.policywire.testing.TestTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API, health and metrics of one pipeline instance on the embedded broker. */
class ServeApiIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String BODY = "The Federal Trade Commission on Monday sued to block the "
      + "merger of two social media companies, saying it would harm competition in advertising "
      + "and leave users with fewer choices, according to a complaint filed in federal court.";

  @TempDir Path stateDir;
  private PolicywireConfig config;
  private PipelineRunner runner;
  private int port;

  @BeforeEach
  void start() throws Exception {
    config = TestTopics.isolatedConfig(stateDir);
    runner = PipelineRunner.start(config, true);
    port = runner.httpPort();
    Await.until(TIMEOUT, () -> get(port, "/health/ready").statusCode() == 200,
        "the instance to report ready");
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  @Test
  void shouldServeAnArticleAndItsStoryWithCopiesOnceThroughThePipeline() throws Exception {
    try (KafkaProducer<String, byte[]> producer = ServeFixtures.producer(config)) {
      producer.send(new ProducerRecord<>(config.topics().raw(), "a-1", ServeFixtures.bytes(
          ServeFixtures.article("a-1", "FTC sues to block merger", BODY))));
      producer.flush();
      // the copy after its original: two copies arriving together in different partitions may
      // be decided in either order, and the first one's record keeps its own story id
      // (docs/consumers.md); news.stories is the same either way
      new ArticleTracker(config.bootstrapServers(), Map.of())
          .await(Set.of("a-1"), config.topics().enriched(), config.topics().dlq(), TIMEOUT);
      producer.send(new ProducerRecord<>(config.topics().raw(), "a-2", ServeFixtures.bytes(
          ServeFixtures.article("a-2", "Regulator moves against deal", BODY))));
      producer.send(new ProducerRecord<>(config.topics().raw(), "bad-1",
          "not json".getBytes(StandardCharsets.UTF_8)));
      producer.flush();
    }
    assertThat(new ArticleTracker(config.bootstrapServers(), Map.of()).await(
        Set.of("a-1", "a-2", "bad-1"), config.topics().enriched(), config.topics().dlq(), TIMEOUT)
        .missing()).isEmpty();

    Await.until(TIMEOUT, () -> get(port, "/api/articles/a-2").statusCode() == 200,
        "article a-2 in the store");
    JsonNode article = json(get(port, "/api/articles/a-2"));
    assertThat(article.get("title").asText()).isEqualTo("Regulator moves against deal");
    String storyId = article.get("dedup").get("storyId").asText();
    Await.until(TIMEOUT, () -> json(get(port, "/api/stories/" + storyId)).path("articleCount")
        .asInt() == 2, "story " + storyId + " with both copies");
    JsonNode story = json(get(port, "/api/stories/" + storyId));
    assertThat(story.get("copies").findValuesAsText("articleId")).containsExactlyInAnyOrder(
        "a-1", "a-2");
    assertThat(json(get(port, "/api/stories?limit=5")).findValuesAsText("storyId"))
        .contains(storyId);
    assertThat(get(port, "/api/articles/no-such-article").statusCode()).isEqualTo(404);

    Await.until(TIMEOUT, () -> {
      String metrics = get(port, "/metrics").body();
      return metrics.contains("policywire_articles_in_total 3.0")
          && metrics.contains("policywire_articles_enriched_total 2.0")
          && metrics.contains("policywire_articles_duplicates_total 1.0")
          && metrics.contains("policywire_articles_dead_lettered_total 1.0");
    }, "our counters on /metrics: 3 in, 2 enriched, 1 duplicate, 1 dead-lettered");
    String metrics = get(port, "/metrics").body();
    assertThat(metrics).contains("policywire_stage_latency_seconds_count{stage=\"normalize\"} 3")
        .contains("policywire_stage_latency_seconds_count{stage=\"enrich\"} 2")
        .contains("policywire_entities_tagged_total").contains("policywire_actions_detected_total")
        .contains("policywire_alerts_sent_total")
        .contains("kafka_stream_thread_process_rate").contains("jvm_memory_used_bytes");
  }

  @Test
  void shouldServeEntitiesActionsAndAlertsFromTheirTopics() throws Exception {
    ServeFixtures.send(config, config.topics().entities(), "org:tiktok", Map.of("id",
        "org:tiktok", "name", "TikTok", "type", "ORG", "articleCount", 3,
        "lastSeen", "2026-11-30T08:00:00Z", "stance", Map.of("AGAINST", 2, "NEUTRAL", 1)));
    ServeFixtures.send(config, config.topics().enriched(), "e-1", taggedArticle("e-1"));
    ServeFixtures.send(config, config.topics().actions(), "act-1", ServeFixtures.action("act-1",
        "BAN", "gov:us-commerce", "org:tiktok", "2026-11-29", "e-1"));
    ServeFixtures.send(config, config.topics().actions(), "act-old", ServeFixtures.action(
        "act-old", "FINE", "gov:eu-commission", "org:meta", "2020-01-01", "e-0"));
    ServeFixtures.send(config, config.topics().alerts(), "act-1", ServeFixtures.alert("act-1",
        "BAN", "gov:us-commerce", "org:tiktok", "2026-11-29"));

    Await.until(TIMEOUT, () -> get(port, "/api/entities/org:tiktok").statusCode() == 200,
        "the entity profile");
    assertThat(json(get(port, "/api/entities/org:tiktok")).get("stance").get("AGAINST").asInt())
        .isEqualTo(2);

    Await.until(TIMEOUT, () -> json(get(port, "/api/entities/top?from=7d&limit=5")).size() == 2,
        "two entities in the leaderboard");
    JsonNode top = json(get(port, "/api/entities/top?from=7d&limit=5"));
    assertThat(top.get(0).get("id").asText()).isIn("org:tiktok", "gov:us-commerce");
    JsonNode tiktok = Stream.of(top.get(0), top.get(1))
        .filter(e -> e.get("id").asText().equals("org:tiktok")).findFirst().orElseThrow();
    assertThat(tiktok.get("articles").asLong()).isEqualTo(1);
    assertThat(tiktok.get("against").asLong()).isEqualTo(1);
    assertThat(json(get(port, "/api/entities/top?from=2020-01-01&to=2020-01-02"))).isEmpty();

    Await.until(TIMEOUT, () -> json(get(port, "/api/actions?since=2020-01-01")).size() == 2,
        "both actions");
    JsonNode recent = json(get(port, "/api/actions?since=2026-11-01"));
    assertThat(recent).hasSize(1);
    assertThat(recent.get(0).get("id").asText()).isEqualTo("act-1");
    assertThat(recent.get(0).get("value").get("type").asText()).isEqualTo("BAN");
    assertThat(recent.get(0).get("time").asText()).isEqualTo("2026-11-29T00:00:00Z");
    assertThat(json(get(port, "/api/actions/act-old")).get("value").get("authority").asText())
        .isEqualTo("gov:eu-commission");
    Await.until(TIMEOUT, () -> json(get(port, "/api/alerts?since=7d")).size() == 1, "the alert");

    HttpResponse<String> bad = get(port, "/api/actions?since=yesterday");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("not a time");
    Await.until(TIMEOUT, () -> get(port, "/metrics").body()
        .contains("policywire_alerts_sent_total 1.0"), "the alert counted");
  }

  @Test
  void shouldStreamNewStoriesActionsAndAlertsAsServerSentEvents() throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient()
        .sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/live"))
            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/event-stream"));
    Thread reader = new Thread(() -> response.body().forEach(lines::add));
    reader.setDaemon(true);
    reader.start();
    assertThat(awaitLine(lines, "event: hello")).isTrue();

    ServeFixtures.send(config, config.topics().actions(), "act-9", ServeFixtures.action("act-9",
        "INVESTIGATION", "gov:us-ftc", "org:acme", "2026-11-30", "x-1"));
    ServeFixtures.send(config, config.topics().alerts(), "act-9", ServeFixtures.alert("act-9",
        "INVESTIGATION", "gov:us-ftc", "org:acme", "2026-11-30"));
    ServeFixtures.send(config, config.topics().raw(), "s-1",
        ServeFixtures.article("s-1", "A new story", BODY));

    assertThat(awaitLine(lines, "event: action")).isTrue();
    assertThat(awaitLine(lines, "event: alert")).isTrue();
    assertThat(awaitLine(lines, "event: story")).isTrue();
    response.body().close();
  }

  @Test
  void shouldBeReadyOnlyWhileRunningAndListInstances() throws Exception {
    assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
    assertThat(json(get(port, "/health/ready")).get("state").asText()).isEqualTo("RUNNING");
    JsonNode instances = json(get(port, "/api/instances"));
    assertThat(instances).hasSize(1);
    assertThat(instances.get(0).get("self").asBoolean()).isTrue();
    assertThat(instances.get(0).get("host").asText()).isEqualTo("127.0.0.1:" + port);

    runner.streams().close(Duration.ofSeconds(30));

    HttpResponse<String> ready = get(port, "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("NOT_RUNNING");
    assertThat(get(port, "/api/articles/x").statusCode()).isEqualTo(503);
  }

  private static boolean awaitLine(BlockingQueue<String> lines, String prefix)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static EnrichedArticle taggedArticle(String id) {
    return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, null, "Wire",
        "US bans TikTok", "2026-11-30T08:00:00Z", "en", "The Commerce Department banned TikTok.",
        null,
        List.of(new EntityMention("org:tiktok", "TikTok", "ORG", null, 1, 0.9, List.of()),
            new EntityMention("gov:us-commerce", "Commerce Department", "GOV", null, 1, 0.7,
                List.of())),
        List.of(new StanceTag("gov:us-commerce", "org:tiktok", "AGAINST", 0.8,
            "The Commerce Department banned TikTok.")),
        List.of(), new Dedup("s-e1", id, null, 0.0, "none"));
  }
}
