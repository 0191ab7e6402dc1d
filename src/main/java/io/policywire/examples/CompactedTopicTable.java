package io.policywire.examples;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a downstream service does with one of our compacted topics, in the fewest lines: read it
 * from the beginning, keep the latest value per key, drop a key on its tombstone (a retracted
 * article, a merged entity), and stop at the end it saw when it started. Copy it into your
 * service; it needs nothing but kafka-clients. docs/consumers.md walks through it.
 *
 * <pre>java -cp policywire.jar io.policywire.examples.CompactedTopicTable 127.0.0.1:9092 news.stories</pre>
 */
public final class CompactedTopicTable {

  private CompactedTopicTable() {}

  /** Latest JSON value per key of {@code topic}, as of the moment the call began. */
  public static Map<String, String> read(String bootstrapServers, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // our pipeline writes in transactions: never show a consumer what was rolled back
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // a table is rebuilt from the start each time, so no offsets need to be kept
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "table-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, String> table = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            table.remove(record.key());
          } else {
            table.put(record.key(), record.value());
          }
        }
      }
    }
    return table;
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: CompactedTopicTable BOOTSTRAP_SERVERS TOPIC");
      System.exit(2);
    }
    read(args[0], args[1]).forEach((key, value) -> System.out.println(key + "\t" + value));
  }
}
