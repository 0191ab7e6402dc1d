package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  @Test
  void shouldDefaultToExactlyOnceWithThePrefixedDeadLetterTopic() {
    Properties p = StreamsSettings.properties(ConfigLoader.defaults(Map.of(
        "POLICYWIRE_TOPIC_PREFIX", "prod.")));

    assertThat(p).containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("errors.dead.letter.queue.topic.name", "prod.news.articles.dlq")
        .containsEntry("application.id", "policywire")
        .containsEntry("producer.batch.size", 262_144);
    assertThat(new StreamsConfig(p).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo("exactly_once_v2");
  }

  @Test
  void shouldLetTheUserChooseAtLeastOnceAndOverrideAnyKafkaSetting() {
    Properties p = StreamsSettings.properties(ConfigLoader.defaults(Map.of(
        "POLICYWIRE_PROCESSING_GUARANTEE", "at_least_once",
        "KAFKA_PRODUCER_LINGER_MS", "5",
        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL")));

    assertThat(p).containsEntry("processing.guarantee", "at_least_once")
        .containsEntry("producer.linger.ms", "5")
        .containsEntry("security.protocol", "SASL_SSL");
  }
}
