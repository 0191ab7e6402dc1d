package io.policywire.config;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The typed configuration of every command that talks to Kafka. Built by {@link ConfigLoader}
 * from defaults, then a properties file, then {@code POLICYWIRE_*} and {@code KAFKA_*} variables.
 *
 * @param topicPrefix prepended to every topic name of the contract, so that several deployments
 *     (or tests) can share one cluster
 * @param maxArticleBytes the largest title plus body accepted; bigger articles are dead-lettered
 * @param kafka extra Kafka client and Streams properties, passed through verbatim
 * @param dedupeWindow wire-copy detection compares articles published within this of each other
 * @param dedupeGrace how late (behind the newest publication date seen) an article may arrive and
 *     still be de-duplicated
 * @param kbExtra users' own knowledge-base files (same TSV format as the shipped one), read at
 *     start-up after the shipped files: added without rebuilding
 * @param stateMemoryMb the block cache all RocksDB state stores of one instance share, index
 *     and filter blocks included, in MiB
 */
public record PolicywireConfig(
    String bootstrapServers,
    String applicationId,
    String topicPrefix,
    String processingGuarantee,
    int numStreamThreads,
    Path stateDir,
    String httpHost,
    int httpPort,
    int maxArticleBytes,
    Map<String, String> kafka,
    Duration dedupeWindow,
    Duration dedupeGrace,
    List<Path> kbExtra,
    int stateMemoryMb) {

  public static final int DEFAULT_STATE_MEMORY_MB = 256;
  public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
  public static final String AT_LEAST_ONCE = "at_least_once";

  public PolicywireConfig {
    kafka = Map.copyOf(new TreeMap<>(kafka));
    kbExtra = kbExtra == null ? List.of() : List.copyOf(kbExtra);
  }

  /** The configuration without extra knowledge-base files. */
  public PolicywireConfig(String bootstrapServers, String applicationId, String topicPrefix,
      String processingGuarantee, int numStreamThreads, Path stateDir, String httpHost,
      int httpPort, int maxArticleBytes, Map<String, String> kafka, Duration dedupeWindow,
      Duration dedupeGrace) {
    this(bootstrapServers, applicationId, topicPrefix, processingGuarantee, numStreamThreads,
        stateDir, httpHost, httpPort, maxArticleBytes, kafka, dedupeWindow, dedupeGrace, List.of(),
        DEFAULT_STATE_MEMORY_MB);
  }

  public TopicNames topics() {
    return new TopicNames(topicPrefix);
  }

  public PolicywireConfig withBootstrapServers(String servers) {
    return new PolicywireConfig(servers, applicationId, topicPrefix, processingGuarantee,
        numStreamThreads, stateDir, httpHost, httpPort, maxArticleBytes, kafka,
        dedupeWindow, dedupeGrace, kbExtra, stateMemoryMb);
  }

  public PolicywireConfig withStateDir(Path dir) {
    return new PolicywireConfig(bootstrapServers, applicationId, topicPrefix, processingGuarantee,
        numStreamThreads, dir, httpHost, httpPort, maxArticleBytes, kafka,
        dedupeWindow, dedupeGrace, kbExtra, stateMemoryMb);
  }

  public PolicywireConfig withHttpPort(int port) {
    return new PolicywireConfig(bootstrapServers, applicationId, topicPrefix, processingGuarantee,
        numStreamThreads, stateDir, httpHost, port, maxArticleBytes, kafka,
        dedupeWindow, dedupeGrace, kbExtra, stateMemoryMb);
  }

  public PolicywireConfig withStreamThreads(int threads) {
    return new PolicywireConfig(bootstrapServers, applicationId, topicPrefix, processingGuarantee,
        threads, stateDir, httpHost, httpPort, maxArticleBytes, kafka,
        dedupeWindow, dedupeGrace, kbExtra, stateMemoryMb);
  }

  /** The same config with {@code extra} Kafka properties added over the current ones. */
  public PolicywireConfig withKafka(Map<String, String> extra) {
    Map<String, String> merged = new TreeMap<>(kafka);
    merged.putAll(extra);
    return new PolicywireConfig(bootstrapServers, applicationId, topicPrefix, processingGuarantee,
        numStreamThreads, stateDir, httpHost, httpPort, maxArticleBytes, merged,
        dedupeWindow, dedupeGrace, kbExtra, stateMemoryMb);
  }

  /** Like the record's own (every component, in order), with secret Kafka settings hidden. */
  @Override
  public String toString() {
    StringJoiner fields = new StringJoiner(", ", "PolicywireConfig[", "]");
    for (RecordComponent c : PolicywireConfig.class.getRecordComponents()) {
      try {
        Object value = c.getAccessor().invoke(this);
        if (value == kafka) {
          Map<String, String> shown = new TreeMap<>(kafka);
          shown.replaceAll((key, v) -> isSecret(key) ? "[hidden]" : v);
          value = shown;
        }
        fields.add(c.getName() + "=" + value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return fields.toString();
  }

  /** Passwords, keys and JAAS configs (which hold passwords) are never shown. */
  public static boolean isSecret(String kafkaKey) {
    String k = kafkaKey.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("jaas") || k.contains("secret")
        || k.endsWith(".key") || k.contains("credentials");
  }

  public PolicywireConfig withApplicationId(String id, String prefix) {
    return new PolicywireConfig(bootstrapServers, id, prefix, processingGuarantee,
        numStreamThreads, stateDir, httpHost, httpPort, maxArticleBytes, kafka,
        dedupeWindow, dedupeGrace, kbExtra, stateMemoryMb);
  }
}
