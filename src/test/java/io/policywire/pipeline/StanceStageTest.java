package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.JsonSerde;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityProfile;
import io.policywire.model.RawArticle;
import io.policywire.model.StanceTag;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stances on the topology: filled on the enriched record, counted on the entity profiles. */
class StanceStageTest {

  private static final String BODY = "WASHINGTON — The Federal Trade Commission sued Meta on"
      + " Tuesday over its purchases of two rivals.\n\nA spokesperson said the company had done"
      + " nothing wrong.";

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, EntityProfile> entities;

  @BeforeEach
  void start() {
    PolicywireConfig config = ConfigLoader.defaults(Map.of("POLICYWIRE_TOPIC_PREFIX", "t."))
        .withStateDir(stateDir);
    driver = new TopologyTestDriver(PipelineTopology.build(config),
        StreamsSettings.properties(config));
    raw = driver.createInputTopic("t.news.articles.raw", new StringSerializer(),
        AppSerdes.RAW_ARTICLE.serializer());
    enriched = driver.createOutputTopic("t.news.articles.enriched", new StringDeserializer(),
        AppSerdes.ENRICHED_ARTICLE.deserializer());
    entities = driver.createOutputTopic("t.news.entities", new StringDeserializer(),
        new JsonSerde<>(EntityProfile.class).deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldFillStancesAndCountThemOnTheTargetsProfile() {
    RawArticle article = new RawArticle("a1", "file:/tmp/a1.txt", "wire", "FTC sues Meta", BODY,
        "text/plain", "2024-05-01T10:00:00Z", "en");

    raw.pipeInput("a1", article, Instant.parse("2024-05-01T10:00:01Z"));

    EnrichedArticle out = enriched.readValue();
    assertThat(out.stances())
        .extracting(StanceTag::holder, StanceTag::target, StanceTag::stance)
        .containsExactly(tuple("gov:us-ftc", "org:meta", "AGAINST"));
    StanceTag tag = out.stances().get(0);
    assertThat(out.text().substring(tag.evidenceSpan()[0], tag.evidenceSpan()[1]))
        .isEqualTo(tag.evidence()).startsWith("WASHINGTON — The Federal Trade Commission sued");
    Map<String, EntityProfile> profiles = entities.readKeyValuesToMap();
    assertThat(profiles.get("org:meta").stance()).containsExactly(Map.entry("AGAINST", 1L));
    assertThat(profiles.get("gov:us-ftc").stance()).isEmpty();
  }

  @Test
  void shouldGiveAnnotateTheSameStancesAsTheTopology() {
    RawArticle article = new RawArticle("a1", "file:/tmp/a1.txt", "wire", "FTC sues Meta", BODY,
        "text/plain", "2024-05-01T10:00:00Z", "en");

    raw.pipeInput("a1", article, Instant.parse("2024-05-01T10:00:01Z"));
    EnrichedArticle viaKafka = enriched.readValue();
    EnrichedArticle viaEnricher = new Enricher(1 << 20).enrich(article);

    assertThat(viaEnricher.stances()).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(viaKafka.stances());
  }
}
