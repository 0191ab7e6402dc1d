package io.policywire.ingest;

import io.policywire.config.PolicywireConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer configuration of {@code produce}: idempotent and {@code acks=all} (a retried send
 * never duplicates an article), batched for 5 KB records (the default 16 KB batch halves
 * throughput), compressed, and bounded in time so an unreachable broker fails within about
 * 30–60 s instead of hanging. {@code config.kafka()} passes through on top (security settings,
 * or overrides of the tuning), taking plain producer keys and {@code producer.}-prefixed ones as
 * Kafka Streams does; idempotence and acks cannot be weakened.
 */
public final class ProducerSettings {

  public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
  public static final int MAX_BLOCK_MS = 30_000;
  public static final int DELIVERY_TIMEOUT_MS = 60_000;
  private static final String STREAMS_PRODUCER_PREFIX = "producer.";

  private ProducerSettings() {}

  public static Map<String, Object> of(PolicywireConfig config) {
    Map<String, Object> props = new HashMap<>(tuning());
    props.putAll(passThrough(config.kafka()));
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG); // given as an instance
    return props;
  }

  private static Map<String, Object> tuning() {
    return Map.of(
        ProducerConfig.CLIENT_ID_CONFIG, "policywire-produce",
        ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
  }

  /** Known producer keys as they are, {@code producer.x} as {@code x}; the rest is not ours. */
  static Map<String, String> passThrough(Map<String, String> kafka) {
    Map<String, String> props = new HashMap<>();
    kafka.forEach((key, value) -> {
      if (ProducerConfig.configNames().contains(key)) {
        props.put(key, value);
      }
    });
    kafka.forEach((key, value) -> {
      if (key.startsWith(STREAMS_PRODUCER_PREFIX)) {
        props.put(key.substring(STREAMS_PRODUCER_PREFIX.length()), value);
      }
    });
    return props;
  }
}
