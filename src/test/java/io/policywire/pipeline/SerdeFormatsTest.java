package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.Json;
import io.policywire.kafka.Smile;
import io.policywire.model.AlertRule;
import io.policywire.model.RawArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The format of every byte the whole topology writes, read back as bytes from each topic it
 * produced to: the contract topics ({@code news.*}) hold JSON exactly as before, and the
 * pipeline's own repartition topics and changelogs hold Smile (see {@link AppSerdes}), except
 * the few that hold plain strings or bytes.
 */
class SerdeFormatsTest {

  private static final String PREFIX = "t.";
  private static final byte[] SMILE_HEADER = {':', ')', '\n'};
  /** Internal topics whose values are not records: strings, hashes. */
  private static final Set<String> PLAIN = Set.of(
      "retract-by-article-repartition", "stories-article-index-changelog",
      "actions-alerted-changelog", "enriched-written-changelog", "stories-written-changelog");
  /** Serving stores materialized from a contract topic: they keep its JSON. */
  private static final Set<String> SERVED_AS_READ = Set.of(
      "serve-articles-changelog", "serve-stories-changelog", "serve-entities-changelog");

  @TempDir Path stateDir;

  @Test
  void shouldWriteJsonToContractTopicsAndSmileToInternalOnes() throws IOException {
    PolicywireConfig config = ConfigLoader.defaults(Map.of("POLICYWIRE_TOPIC_PREFIX", PREFIX))
        .withStateDir(stateDir);
    try (TopologyTestDriver driver = new TopologyTestDriver(PipelineTopology.build(config),
        StreamsSettings.properties(config))) {
      driver.createInputTopic(PREFIX + "news.alert-rules", new StringSerializer(),
          AppSerdes.ALERT_RULE.serializer()).pipeInput("r1", new AlertRule("r1", "ops",
              List.of(), List.of("SANCTION"), List.of(), null, null, null));
      var raw = driver.createInputTopic(PREFIX + "news.articles.raw", new StringSerializer(),
          AppSerdes.RAW_ARTICLE.serializer());
      Instant t = Instant.parse("2024-05-01T00:00:00Z");
      String body = "WASHINGTON — The Commerce Department on Tuesday added dozens of Chinese "
          + "firms to its Entity List, the agency said.\n\nThe move restricts exports of chips.";
      raw.pipeInput("a1", article("a1", "Wire", body), t);
      raw.pipeInput("a2", article("a2", "Daily", body + " It takes effect at once."),
          t.plusSeconds(60));
      raw.pipeInput("a1", null, t.plusSeconds(120)); // a retraction

      Set<String> seen = new HashSet<>();
      for (String topic : driver.producedTopicNames()) {
        TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(topic,
            new ByteArrayDeserializer(), new ByteArrayDeserializer());
        String name = topic.startsWith(PREFIX + "news.") ? topic.substring(PREFIX.length())
            : topic.substring(topic.indexOf('-') + 1); // drop the application id
        seen.add(name);
        for (TestRecord<byte[], byte[]> record : out.readRecordsToList()) {
          byte[] value = record.value();
          if (value == null || PLAIN.contains(name) || name.equals("news.articles.dlq")) {
            continue;
          }
          if (name.startsWith("news.") || SERVED_AS_READ.contains(name)) {
            assertThat(value[0]).as(name + " is JSON").isEqualTo((byte) '{');
            assertThat(Json.MAPPER.readTree(value).isObject()).as(name).isTrue();
          } else {
            assertThat(value).as(name + " is Smile").startsWith(SMILE_HEADER);
            JsonNode tree = Smile.MAPPER.readTree(value);
            assertThat(tree.isObject()).as(name).isTrue();
          }
        }
      }
      assertThat(seen).contains("news.articles.enriched", "news.stories", "news.entities",
          "news.regulatory-actions", "news.alerts", "dedupe-pending-articles-changelog",
          "dedupe-by-band-repartition", "dedupe-band-index-changelog",
          "dedupe-by-article-repartition", "stories-linker-input-repartition",
          "stories-store-changelog", "entities-by-entity-id-repartition", "entities-store-changelog",
          "actions-by-action-id-repartition", "actions-store-changelog");
    }
  }

  private static RawArticle article(String id, String source, String body) {
    return new RawArticle(id, "file:/tmp/" + id + ".txt", source, "US adds firms to Entity List",
        body, "text/plain", "2024-04-30T08:00:00Z", "en");
  }
}
