package io.policywire.pipeline;

import io.policywire.cli.VersionProvider;
import io.policywire.config.PolicywireConfig;
import io.policywire.tag.KnowledgeBase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Lineage headers on every record the pipeline writes, so any tag can be traced to its input
 * and to the code that made it: the raw article's topic, partition and offset, the project
 * version, the knowledge-base version and a fingerprint of the enrichment settings. Stamped once
 * where raw records enter; Kafka Streams carries headers through every hop after that.
 */
public final class Lineage {

  public static final String PREFIX = "policywire.";
  public static final String RAW_TOPIC = PREFIX + "raw.topic";
  public static final String RAW_PARTITION = PREFIX + "raw.partition";
  public static final String RAW_OFFSET = PREFIX + "raw.offset";
  public static final String VERSION = PREFIX + "version";
  public static final String KB_VERSION = PREFIX + "kb.version";
  public static final String SETTINGS = PREFIX + "settings";

  private final String version;
  private final String kbVersion;
  private final String settings;

  private Lineage(String version, String kbVersion, String settings) {
    this.version = version;
    this.kbVersion = kbVersion;
    this.settings = settings;
  }

  /** The lineage of what {@code config} and the knowledge base {@code kb} enrich. */
  public static Lineage of(PolicywireConfig config, KnowledgeBase kb) {
    return new Lineage(VersionProvider.version(), kb.version(), fingerprint(config, kb.version()));
  }

  /**
   * Everything in the config that changes what enrichment writes, hashed: the same fingerprint
   * on two records means the same settings made them.
   */
  static String fingerprint(PolicywireConfig config, String kbVersion) {
    String canonical = "maxArticleBytes=" + config.maxArticleBytes()
        + ";dedupe=" + DedupeStage.settings(config)
        + ";kb=" + kbVersion;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public String settings() {
    return settings;
  }

  /**
   * The headers of a raw record as it enters: ours only. Whatever a producer set is dropped, a
   * forged {@code policywire.} header included: lineage is ours to state, and the de-duplication
   * hops carry these headers alone.
   */
  Headers stamp(RecordMetadata raw) {
    RecordHeaders headers = new RecordHeaders();
    add(headers, RAW_TOPIC, raw.topic());
    add(headers, RAW_PARTITION, String.valueOf(raw.partition()));
    add(headers, RAW_OFFSET, String.valueOf(raw.offset()));
    add(headers, VERSION, version);
    add(headers, KB_VERSION, kbVersion);
    add(headers, SETTINGS, settings);
    return headers;
  }

  /** Our headers as a map, to keep them beside state when a hop cannot carry them. */
  static Map<String, String> toMap(Headers headers) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Header h : headers) {
      if (h.key().startsWith(PREFIX) && h.value() != null) {
        map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
      }
    }
    return map;
  }

  static Headers fromMap(Map<String, String> lineage) {
    RecordHeaders headers = new RecordHeaders();
    if (lineage != null) {
      lineage.forEach((k, v) -> add(headers, k, v));
    }
    return headers;
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
