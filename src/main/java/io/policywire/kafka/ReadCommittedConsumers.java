package io.policywire.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Properties of the short-lived consumers our commands use to look at output topics: committed
 * records only (under exactly-once, aborted writes must not count), no offsets committed, and a
 * throw-away group id so they never disturb each other or a real consumer group.
 */
public final class ReadCommittedConsumers {

  private ReadCommittedConsumers() {}

  public static Properties properties(String bootstrapServers, Map<String, String> overrides,
      String purpose) {
    Properties props = new Properties();
    props.putAll(overrides);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "policywire-" + purpose + "-" + UUID.randomUUID());
    return props;
  }
}
