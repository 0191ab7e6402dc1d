package io.policywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

  @Test
  void shouldConfigureIdempotentBatchedCompressedProducer() {
    Map<String, Object> props = ProducerSettings.of(config(Map.of()));

    assertThat(props)
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 262_144)
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
        .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
        .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024)
        .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000)
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
  }

  @Test
  void shouldPassThroughProducerAndSecuritySettingsOnly() {
    Map<String, Object> props = ProducerSettings.of(config(Map.of(
        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "KAFKA_SASL_MECHANISM", "PLAIN",
        "KAFKA_PRODUCER_COMPRESSION_TYPE", "zstd",
        "KAFKA_NUM_STANDBY_REPLICAS", "1",
        "KAFKA_ACKS", "1",
        "KAFKA_ENABLE_IDEMPOTENCE", "false")));

    assertThat(props)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .doesNotContainKey("num.standby.replicas");
  }

  private static PolicywireConfig config(Map<String, String> env) {
    return ConfigLoader.defaults(env);
  }
}
