package io.policywire.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.config.TopicNames;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.Json;
import io.policywire.model.RawArticle;
import io.policywire.pipeline.PipelineTopology;
import io.policywire.pipeline.StreamsSettings;
import io.policywire.testing.ContractSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record the topology writes to a contract topic, for our sample articles (a wire-copy
 * pair among them), conforms to that topic's committed JSON Schema.
 */
class RecordsConformTest {

  private static final Path SAMPLES = Path.of("src/main/resources/demo/samples");

  @TempDir Path stateDir;

  @Test
  void everyOutputRecordConformsToItsTopicSchema() throws Exception {
    PolicywireConfig config = ConfigLoader.defaults(Map.of()).withStateDir(stateDir);
    List<String> violations = new ArrayList<>();
    int checked = 0;
    try (TopologyTestDriver driver = new TopologyTestDriver(PipelineTopology.build(config),
        StreamsSettings.properties(config))) {
      TestInputTopic<String, RawArticle> raw = driver.createInputTopic(config.topics().raw(),
          new StringSerializer(), AppSerdes.RAW_ARTICLE.serializer());
      Instant clock = Instant.parse("2025-02-01T00:00:00Z");
      for (RawArticle article : samples()) {
        JsonNode json = Json.MAPPER.valueToTree(article);
        ContractSchemas.violations(TopicNames.RAW, json)
            .forEach(v -> violations.add("raw " + article.id() + ": " + v));
        clock = clock.plusSeconds(60);
        raw.pipeInput(article.id(), article, clock);
      }
      for (String topic : TopicNames.ALL) {
        if (topic.equals(TopicNames.RAW) || topic.equals(TopicNames.DLQ)) {
          continue;
        }
        List<KeyValue<String, byte[]>> records = driver.createOutputTopic(
            config.topics().of(topic), new StringDeserializer(), new ByteArrayDeserializer())
            .readKeyValuesToList();
        for (KeyValue<String, byte[]> r : records) {
          checked++;
          ContractSchemas.violations(topic, Json.MAPPER.readTree(r.value))
              .forEach(v -> violations.add(topic + " " + r.key + ": " + v));
        }
        if (topic.equals(TopicNames.ENRICHED) || topic.equals(TopicNames.STORIES)) {
          assertThat(records).as("records on " + topic).isNotEmpty();
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(checked).isGreaterThanOrEqualTo(samples().size());
  }

  private static List<RawArticle> samples() throws Exception {
    List<RawArticle> articles = new ArrayList<>();
    try (Stream<Path> files = Files.list(SAMPLES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        articles.add(new RawArticle(f.getFileName().toString(), f.toUri().toString(), "Sample",
            text.substring(0, nl).trim(), text.substring(nl + 1), RawArticle.TEXT_PLAIN,
            "2025-01-15T10:00:00Z", null));
      }
    }
    return articles;
  }
}
