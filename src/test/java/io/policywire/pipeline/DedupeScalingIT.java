package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.dedupe.DedupeSettings;
import io.policywire.dedupe.InMemoryDeduplicator;
import io.policywire.dedupe.WireCopyCorpus;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.ArticleTracker;
import io.policywire.kafka.TopicDumper;
import io.policywire.model.RawArticle;
import io.policywire.model.Story;
import io.policywire.normalize.Normalizer;
import io.policywire.testing.Await;
import io.policywire.testing.SharedBroker;
import io.policywire.testing.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wire-copy detection gives the same stories whatever the partition count and however many
 * instances share the application id: the harness corpus (copies of each base article in a
 * shuffled order, late earlier copies included) through the real pipeline with 1 partition and
 * 1 instance, 12 partitions and 1 instance, 12 partitions and 3 instances; the final state of
 * {@code news.stories} must be the same each time, and the same as the no-Kafka path's.
 */
class DedupeScalingIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(180);

  @TempDir Path stateDir;

  @Test
  void shouldProduceTheSameStoriesWithOneOrTwelvePartitionsAndOneOrThreeInstances()
      throws Exception {
    List<RawArticle> articles = WireCopyCorpus.build(42).stream()
        .map(WireCopyCorpus.Labeled::raw).toList();
    Map<String, Set<String>> expected = inMemory(articles);

    Map<String, Set<String>> single = run(articles, 1, 1);
    Map<String, Set<String>> twelve = run(articles, 12, 1);
    Map<String, Set<String>> threeInstances = run(articles, 12, 3);

    assertThat(single).isEqualTo(expected);
    assertThat(twelve).isEqualTo(expected);
    assertThat(threeInstances).isEqualTo(expected);
    assertThat(expected).hasSize(22);
  }

  /** Canonical id to the story's article ids, from the pipeline's final {@code news.stories}. */
  private Map<String, Set<String>> run(List<RawArticle> articles, int partitions, int instances)
      throws Exception {
    String prefix = TestTopics.uniquePrefix();
    PolicywireConfig config = ConfigLoader.defaults(Map.of())
        .withBootstrapServers(SharedBroker.bootstrapServers())
        .withApplicationId("policywire-" + prefix + "scaling", prefix)
        .withHttpPort(0);
    try (Admin admin = TestTopics.admin()) {
      // every topic the topology reads or writes: the alert rules feed a global store, and
      // serving reads the output topics back
      admin.createTopics(config.topics().all().stream()
          .map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all().get();
    }
    List<PipelineRunner> runners = new ArrayList<>();
    try {
      for (int i = 0; i < instances; i++) {
        runners.add(PipelineRunner.start(
            config.withStateDir(stateDir.resolve(prefix + i)), false));
      }
      for (PipelineRunner runner : runners) {
        assertThat(runner.awaitRunning(TIMEOUT)).as("instance reaches RUNNING").isTrue();
      }
      try (KafkaProducer<String, byte[]> producer = producer(config)) {
        for (RawArticle a : articles) {
          producer.send(new ProducerRecord<>(config.topics().raw(), a.id(),
              AppSerdes.RAW_ARTICLE.serializer().serialize(null, a)));
        }
        producer.flush();
      }
      Set<String> ids = articles.stream().map(RawArticle::id).collect(Collectors.toSet());
      ArticleTracker.Outcome outcome = new ArticleTracker(config.bootstrapServers(), Map.of())
          .await(ids, config.topics().enriched(), config.topics().dlq(), TIMEOUT);
      assertThat(outcome.enriched()).as("%d partitions, %d instances", partitions, instances)
          .hasSize(ids.size());

      Map<String, Set<String>>[] stories = new Map[1];
      Await.until(TIMEOUT, () -> {
        stories[0] = liveStories(config);
        return everyArticleInOneStory(stories[0], ids);
      }, "every article in exactly one story");
      return stories[0];
    } finally {
      runners.forEach(PipelineRunner::close);
    }
  }

  private static boolean everyArticleInOneStory(Map<String, Set<String>> stories,
      Set<String> ids) {
    List<String> all = stories.values().stream().flatMap(Set::stream).toList();
    return all.size() == ids.size() && new TreeSet<>(all).equals(new TreeSet<>(ids));
  }

  private static Map<String, Set<String>> liveStories(PolicywireConfig config) {
    List<ObjectNode> lines = new TopicDumper(config.bootstrapServers(), Map.of())
        .read(config.topics().stories(), TIMEOUT);
    Map<String, JsonNode> table = new HashMap<>();
    for (ObjectNode line : lines) {
      String key = line.get("key").asText();
      if (line.get("value").isNull()) {
        table.remove(key);
      } else {
        table.put(key, line.get("value"));
      }
    }
    Map<String, Set<String>> byCanonical = new TreeMap<>();
    for (JsonNode story : table.values()) {
      Set<String> ids = new TreeSet<>();
      story.get("articleIds").forEach(id -> ids.add(id.asText()));
      byCanonical.put(story.get("canonicalId").asText(), ids);
    }
    return byCanonical;
  }

  private static Map<String, Set<String>> inMemory(List<RawArticle> articles) {
    Normalizer normalizer = new Normalizer(1 << 20);
    InMemoryDeduplicator dedup = new InMemoryDeduplicator(DedupeSettings.defaults());
    for (RawArticle a : articles) {
      dedup.decide(normalizer.normalize(a), Instant.now());
    }
    Map<String, Set<String>> byCanonical = new TreeMap<>();
    for (Story story : dedup.stories().values()) {
      byCanonical.put(story.canonicalId(), new TreeSet<>(story.articleIds()));
    }
    return byCanonical;
  }

  private static KafkaProducer<String, byte[]> producer(PolicywireConfig config) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }
}
