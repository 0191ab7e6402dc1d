package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.dedupe.DedupeSettings;
import io.policywire.dedupe.InMemoryDeduplicator;
import io.policywire.dedupe.WireCopyCorpus;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.RawArticle;
import io.policywire.model.Story;
import io.policywire.normalize.Normalizer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dedupe and stories stages on the topology, against the no-Kafka path. */
class DedupeStageTest {

  private static final Instant SEEN = Instant.parse("2024-06-20T00:00:00Z");

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, Story> stories;

  @BeforeEach
  void start() {
    PolicywireConfig config = ConfigLoader.defaults(Map.of()).withStateDir(stateDir);
    driver = new TopologyTestDriver(PipelineTopology.build(config),
        StreamsSettings.properties(config));
    raw = driver.createInputTopic("news.articles.raw", new StringSerializer(),
        AppSerdes.RAW_ARTICLE.serializer());
    enriched = driver.createOutputTopic("news.articles.enriched", new StringDeserializer(),
        AppSerdes.ENRICHED_ARTICLE.deserializer());
    stories = driver.createOutputTopic("news.stories", new StringDeserializer(),
        AppSerdes.STORY.deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldGroupTheHarnessCorpusAsTheNoKafkaPathDoes() {
    List<RawArticle> articles = WireCopyCorpus.build(42).stream()
        .map(WireCopyCorpus.Labeled::raw).toList();
    Normalizer normalizer = new Normalizer(1 << 20);
    InMemoryDeduplicator memory = new InMemoryDeduplicator(DedupeSettings.defaults());
    for (RawArticle a : articles) {
      raw.pipeInput(a.id(), a, SEEN);
      memory.decide(normalizer.normalize(a), SEEN);
    }

    Map<String, Set<String>> expected = new TreeMap<>();
    memory.stories().values().forEach(s ->
        expected.put(s.canonicalId(), new TreeSet<>(s.articleIds())));
    Map<String, Story> table = new HashMap<>(stories.readKeyValuesToMap());
    table.values().removeIf(Objects::isNull);
    Map<String, Set<String>> actual = new TreeMap<>();
    table.values().forEach(s -> actual.put(s.canonicalId(), new TreeSet<>(s.articleIds())));
    assertThat(actual).isEqualTo(expected);
    assertThat(enriched.readKeyValuesToMap()).hasSize(articles.size());
  }
}
