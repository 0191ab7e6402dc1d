package io.policywire.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Writes a topic's committed records to a JSON-lines file, one {@code {"key":…,"value":…}} per
 * line, reading from the beginning up to the end offsets at the time of the call. For a compacted
 * topic only the latest value per key is written (what a consumer rebuilding state would see), in
 * order of each key's latest write. A value that is not JSON is written as a string, or as
 * {@code valueBase64} when it is not even UTF-8 (the dead-letter topic keeps such bytes).
 */
public final class TopicDumper {

  private static final Duration POLL = Duration.ofMillis(200);

  private final Properties consumerProps;

  public TopicDumper(String bootstrapServers, Map<String, String> clientOverrides) {
    this.consumerProps = ReadCommittedConsumers.properties(bootstrapServers, clientOverrides, "dump");
  }

  /** Dumps the topic to {@code file}; returns the number of lines written. */
  public int dump(String topic, boolean latestPerKey, Path file, Duration timeout)
      throws IOException {
    List<ObjectNode> lines = latestPerKey ? latest(read(topic, timeout)) : read(topic, timeout);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (ObjectNode line : lines) {
        out.write(Json.MAPPER.writeValueAsString(line));
        out.newLine();
      }
    }
    return lines.size();
  }

  /** Every committed record of the topic as a JSON line, in partition then offset order. */
  public List<ObjectNode> read(String topic, Duration timeout) {
    List<ObjectNode> lines = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out reading " + topic + " to its end offsets");
        }
        for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(POLL)) {
          lines.add(toLine(rec));
        }
      }
    }
    return lines;
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static List<ObjectNode> latest(List<ObjectNode> lines) {
    Map<String, ObjectNode> byKey = new LinkedHashMap<>();
    for (ObjectNode line : lines) {
      String key = line.get("key").toString();
      byKey.remove(key);
      if (!line.get("value").isNull()) {
        byKey.put(key, line);
      }
    }
    return new ArrayList<>(byKey.values());
  }

  static ObjectNode toLine(ConsumerRecord<byte[], byte[]> rec) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.set("key", rec.key() == null ? line.nullNode() : text(rec.key(), line, "keyBase64"));
    if (rec.value() == null) {
      line.putNull("value");
    } else {
      JsonNode value = parseJson(rec.value());
      line.set("value", value != null ? value : text(rec.value(), line, "valueBase64"));
    }
    if (rec.headers().toArray().length > 0) {
      ObjectNode headers = line.putObject("headers");
      for (Header h : rec.headers()) {
        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
      }
    }
    return line;
  }

  private static JsonNode parseJson(byte[] bytes) {
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  /** The bytes as a JSON string when they are UTF-8; else null, with the base64 under another field. */
  private static JsonNode text(byte[] bytes, ObjectNode line, String base64Field) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return line.textNode(s);
    } catch (CharacterCodingException e) {
      line.put(base64Field, Base64.getEncoder().encodeToString(bytes));
      return line.nullNode();
    }
  }
}
