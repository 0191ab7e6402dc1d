package io.policywire.kafka;

import java.util.Map;
import java.util.TreeMap;

/**
 * One topic as declared in {@code topics/<name>.json}: the same data feeds {@code topics apply},
 * the Docker stack and the Helm chart.
 *
 * @param config topic-level settings (cleanup.policy, retention.ms, min.insync.replicas, …)
 */
public record TopicSpec(
    String name, String description, int partitions, int replicationFactor,
    Map<String, String> config) {

  public static final String MIN_ISR = "min.insync.replicas";
  public static final String CLEANUP_POLICY = "cleanup.policy";

  public TopicSpec {
    config = config == null ? Map.of() : Map.copyOf(new TreeMap<>(config));
  }

  public boolean compacted() {
    return config.getOrDefault(CLEANUP_POLICY, "delete").contains("compact");
  }

  public TopicSpec withName(String newName) {
    return new TopicSpec(newName, description, partitions, replicationFactor, config);
  }

  /**
   * The same topic for a cluster with fewer brokers: min.insync.replicas can never exceed the
   * replication factor, or every write with acks=all would fail.
   */
  public TopicSpec withReplicationFactor(int rf) {
    Map<String, String> c = new TreeMap<>(config);
    c.computeIfPresent(MIN_ISR, (k, v) -> String.valueOf(Math.min(Integer.parseInt(v), rf)));
    return new TopicSpec(name, description, partitions, rf, c);
  }
}
