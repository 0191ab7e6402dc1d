package io.policywire.serve;

import static io.policywire.serve.ServeFixtures.get;
import static io.policywire.serve.ServeFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.ArticleTracker;
import io.policywire.pipeline.PipelineRunner;
import io.policywire.testing.Await;
import io.policywire.testing.TestTopics;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two pipeline instances with one application id share the partitions, and each answers queries
 * for keys the other owns: the request is forwarded to the owner named by the key's
 * {@code application.server} metadata. Lists are gathered from both.
 */
class AnyInstanceAnswersIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int ARTICLES = 16;

  @TempDir Path dir;
  private final List<PipelineRunner> runners = new ArrayList<>();

  @AfterEach
  void stop() {
    runners.forEach(PipelineRunner::close);
  }

  @Test
  void eachInstanceAnswersForKeysTheOtherOwns() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("unused"));
    for (int i = 0; i < 2; i++) {
      runners.add(PipelineRunner.start(config.withStateDir(dir.resolve("state-" + i)), true));
    }
    Await.until(TIMEOUT, () -> runners.stream().allMatch(r ->
            get(r.httpPort(), "/health/ready").statusCode() == 200
                && r.streams().streamsMetadataForStore(ServeStage.ARTICLES).size() == 2),
        "both instances ready, each hosting part of " + ServeStage.ARTICLES);

    Set<String> ids = new LinkedHashSet<>();
    try (KafkaProducer<String, byte[]> producer = ServeFixtures.producer(config)) {
      for (int i = 0; i < ARTICLES; i++) {
        String id = "art-" + i;
        ids.add(id);
        producer.send(new ProducerRecord<>(config.topics().raw(), id, ServeFixtures.bytes(
            ServeFixtures.article(id, "Story number " + i, distinctBody(i)))));
      }
      for (int i = 0; i < 6; i++) {
        producer.send(new ProducerRecord<>(config.topics().actions(), "act-" + i,
            ServeFixtures.bytes(ServeFixtures.action("act-" + i, "REVIEW", "gov:us-ftc",
                "org:company-" + i, "2026-11-2" + i, "art-" + i))));
      }
      producer.flush();
    }
    assertThat(new ArticleTracker(config.bootstrapServers(), Map.of()).await(ids,
        config.topics().enriched(), config.topics().dlq(), TIMEOUT).enriched())
        .containsExactlyInAnyOrderElementsOf(ids);

    Map<HostInfo, Integer> answeredForTheOther = new HashMap<>();
    for (String id : ids) {
      HostInfo owner = runners.get(0).streams().queryMetadataForKey(ServeStage.ARTICLES, id,
          Serdes.String().serializer()).activeHost();
      PipelineRunner other = runners.stream().filter(r -> !r.hostInfo().equals(owner))
          .findFirst().orElseThrow();
      Await.until(TIMEOUT, () -> get(other.httpPort(), "/api/articles/" + id).statusCode() == 200,
          id + " through the instance that does not own it");
      HttpResponse<String> response = get(other.httpPort(), "/api/articles/" + id);
      assertThat(json(response).get("id").asText()).isEqualTo(id);
      assertThat(response.headers().firstValue("X-Policywire-Served-By"))
          .contains(owner.host() + ":" + owner.port());
      answeredForTheOther.merge(other.hostInfo(), 1, Integer::sum);
    }
    assertThat(answeredForTheOther).as("each instance answered for keys the other owns")
        .hasSize(2);

    for (PipelineRunner r : runners) {
      Await.until(TIMEOUT, () -> json(get(r.httpPort(), "/api/stories?limit=100")).size()
          == ARTICLES, "every story listed by the instance on port " + r.httpPort());
      Await.until(TIMEOUT, () -> json(get(r.httpPort(), "/api/actions?since=2026-01-01"))
          .size() == 6, "all six actions from the instance on port " + r.httpPort());
      assertThat(json(get(r.httpPort(), "/api/instances"))).hasSize(2);
    }
    assertThat(get(runners.get(1).httpPort(), "/api/articles/no-such").statusCode())
        .isEqualTo(404);
  }

  /** Bodies different enough that no two articles are taken for wire copies. */
  private static String distinctBody(int i) {
    String[] words = {"regulators", "antitrust", "privacy", "export", "semiconductor", "merger",
        "platform", "court", "ruling", "congress", "agency", "inquiry", "fine", "ban", "review",
        "license", "data", "children", "advertising", "competition"};
    StringBuilder body = new StringBuilder("Report " + i + ":");
    for (int w = 0; w < 80; w++) {
      body.append(' ').append(words[(w * (i + 3) + i * 7 + w * w) % words.length]).append(i * 31 + w);
    }
    return body.append('.').toString();
  }
}
