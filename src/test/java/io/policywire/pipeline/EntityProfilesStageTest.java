package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.JsonSerde;
import io.policywire.model.EntityProfile;
import io.policywire.model.RawArticle;
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

class EntityProfilesStageTest {

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestOutputTopic<String, EntityProfile> entities;
  private Instant clock = Instant.parse("2024-05-01T00:00:00Z");

  @BeforeEach
  void start() {
    PolicywireConfig config = ConfigLoader.defaults(Map.of()).withStateDir(stateDir);
    driver = new TopologyTestDriver(PipelineTopology.build(config),
        StreamsSettings.properties(config));
    raw = driver.createInputTopic(config.topics().raw(), new StringSerializer(),
        AppSerdes.RAW_ARTICLE.serializer());
    entities = driver.createOutputTopic(config.topics().entities(), new StringDeserializer(),
        new JsonSerde<>(EntityProfile.class).deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void publish(String id, String title, String body, String publishedAt) {
    clock = clock.plusSeconds(1);
    raw.pipeInput(id, new RawArticle(id, "file:/tmp/" + id, "Wire", title, body, "text/plain",
        publishedAt, "en", null), clock);
  }

  @Test
  void shouldCountEachArticleOncePerEntityAndKeepTheLatestDate() {
    publish("a1", "TikTok sues", "TikTok sued the Commerce Department on Monday over the ban.",
        "2024-04-29T08:00:00Z");
    publish("a2", "Ban upheld", "A court upheld the ban on TikTok, and Oracle said nothing.",
        "2024-04-30T08:00:00Z");
    publish("a1", "TikTok sues", "TikTok sued the Commerce Department on Monday over the ban.",
        "2024-04-29T08:00:00Z");

    Map<String, EntityProfile> profiles = entities.readKeyValuesToMap();
    EntityProfile tiktok = profiles.get("org:tiktok");
    assertThat(tiktok.name()).isEqualTo("TikTok");
    assertThat(tiktok.type()).isEqualTo("ORG");
    assertThat(tiktok.articleCount()).isEqualTo(2);
    assertThat(tiktok.lastSeen()).isEqualTo("2024-04-30T08:00:00Z");
    assertThat(tiktok.wikidata()).isEqualTo("Q48938223");
    assertThat(tiktok.known()).isTrue();
    assertThat(profiles.get("gov:us-commerce").articleCount()).isEqualTo(1);
    assertThat(profiles.get("org:oracle").lastSeen()).isEqualTo("2024-04-30T08:00:00Z");
  }

  @Test
  void shouldUseArrivalTimeWhenAnArticleHasNoDate() {
    publish("a1", "Notice", "Ofcom opened an inquiry.", null);

    EntityProfile ofcom = entities.readKeyValuesToMap().get("gov:uk-ofcom");
    assertThat(ofcom.lastSeen()).isEqualTo(clock.toString());
    assertThat(ofcom.stance()).isEmpty();
  }
}
