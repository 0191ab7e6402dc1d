package io.policywire.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.Json;
import io.policywire.kafka.ReadCommittedConsumers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the pipeline committed and compares it with its input, the way Kafka's own
 * EosTestDriver does: every raw record yields exactly one committed enriched record (so an id
 * published once appears once), no article sits in two stories, and no transaction of the
 * application is left open.
 */
final class ExactlyOnceVerifier {

  /** What a run committed, against what it was given. */
  record Verdict(int inputs, int enriched, List<String> missing, List<String> duplicated,
      List<String> inTwoStories, List<String> openTransactions) {

    boolean clean() {
      return missing.isEmpty() && duplicated.isEmpty() && inTwoStories.isEmpty()
          && openTransactions.isEmpty();
    }
  }

  private final PolicywireConfig config;

  ExactlyOnceVerifier(PolicywireConfig config) {
    this.config = config;
  }

  /** Distinct raw ids not yet in committed enriched output (0 once the pipeline caught up). */
  int behind() {
    Set<String> pending = new TreeSet<>(countByKey(config.topics().raw()).keySet());
    pending.removeAll(countByKey(config.topics().enriched()).keySet());
    return pending.size();
  }

  Verdict verify() throws Exception {
    Map<String, Integer> raw = countByKey(config.topics().raw());
    Map<String, Integer> enriched = countByKey(config.topics().enriched());
    List<String> missing = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    raw.forEach((id, n) -> {
      int out = enriched.getOrDefault(id, 0);
      if (out == 0) {
        missing.add(id);
      } else if (out != n) {
        duplicated.add(id + " (" + n + " in, " + out + " out)");
      }
    });
    return new Verdict(raw.size(), enriched.values().stream().mapToInt(Integer::intValue).sum(),
        missing, duplicated, articlesInTwoStories(), openTransactions());
  }

  private List<String> articlesInTwoStories() {
    Map<String, String> storyOf = new HashMap<>();
    List<String> clashes = new ArrayList<>();
    latestValues(config.topics().stories()).forEach((storyId, story) -> {
      for (JsonNode id : story.path("articleIds")) {
        String previous = storyOf.put(id.asText(), storyId);
        if (previous != null && !previous.equals(storyId)) {
          clashes.add(id.asText() + " in " + previous + " and " + storyId);
        }
      }
    });
    return clashes;
  }

  List<String> openTransactions() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        config.bootstrapServers()))) {
      return admin.listTransactions(new ListTransactionsOptions()
              .filterStates(List.of(TransactionState.ONGOING)))
          .all().get(30, TimeUnit.SECONDS).stream()
          .map(TransactionListing::transactionalId)
          .filter(id -> id.startsWith(config.applicationId()))
          .toList();
    }
  }

  private Map<String, Integer> countByKey(String topic) {
    Map<String, Integer> counts = new TreeMap<>();
    readAll(topic, r -> counts.merge(r.key(), 1, Integer::sum));
    return counts;
  }

  private Map<String, JsonNode> latestValues(String topic) {
    Map<String, JsonNode> latest = new TreeMap<>();
    readAll(topic, r -> {
      if (r.value() == null) {
        latest.remove(r.key());
      } else {
        try {
          latest.put(r.key(), Json.MAPPER.readTree(r.value()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("not JSON on " + topic + " at " + r.offset(), e);
        }
      }
    });
    return latest;
  }

  private void readAll(String topic,
      java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        ReadCommittedConsumers.properties(config.bootstrapServers(), Map.of(), "verifier"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // under read_committed the end offsets are the last stable offsets
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(each);
      }
    }
  }
}
