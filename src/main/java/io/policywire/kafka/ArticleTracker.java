package io.policywire.kafka;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Waits until every published article id has come out of the pipeline, either enriched or
 * dead-lettered. Reads committed records only, so under exactly-once an article counts once its
 * transaction is visible to every consumer. This is how {@code demo --until-idle} knows it is done.
 */
public final class ArticleTracker {

  /** Where each awaited id ended up. */
  public record Outcome(Set<String> enriched, Set<String> deadLettered, Set<String> missing) {
    public boolean complete() {
      return missing.isEmpty();
    }
  }

  private final Properties props;

  public ArticleTracker(String bootstrapServers, Map<String, String> clientOverrides) {
    this.props = ReadCommittedConsumers.properties(bootstrapServers, clientOverrides, "tracker");
  }

  /**
   * Reads the enriched and dead-letter topics from the beginning until every id in
   * {@code awaited} was seen on one of them, or the timeout passes.
   */
  public Outcome await(Set<String> awaited, String enrichedTopic, String dlqTopic,
      Duration timeout) {
    Set<String> missing = new HashSet<>(awaited);
    Set<String> enriched = new HashSet<>();
    Set<String> dead = new HashSet<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = Stream.of(enrichedTopic, dlqTopic)
          .flatMap(t -> consumer.partitionsFor(t, timeout).stream()
              .map(info -> new TopicPartition(t, info.partition())))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!missing.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> rec : consumer.poll(Duration.ofMillis(200))) {
          if (rec.key() != null && missing.remove(rec.key())) {
            (rec.topic().equals(dlqTopic) ? dead : enriched).add(rec.key());
          }
        }
      }
    }
    return new Outcome(enriched, dead, missing);
  }
}
