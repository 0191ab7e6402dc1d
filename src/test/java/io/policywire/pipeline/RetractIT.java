package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.cli.Main;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.ArticleTracker;
import io.policywire.kafka.TopicDumper;
import io.policywire.model.RawArticle;
import io.policywire.testing.Await;
import io.policywire.testing.SharedBroker;
import io.policywire.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code retract} on a real broker: the article leaves news.articles.enriched (a tombstone) and
 * its story, and once the log cleaner has run, no record of any of our topics (raw, outputs,
 * changelogs, repartition topics) holds its text or its title.
 */
class RetractIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String MARKER = "Quokkazebrafinch";
  private static final String TITLE = "Takedown of the Quokkazebrafinch report";
  /** Fast compaction, on our topics and (through Streams' topic. prefix) internal ones. */
  private static final Map<String, String> FAST_COMPACTION = Map.of(
      "segment.ms", "300", "min.cleanable.dirty.ratio", "0.001", "min.compaction.lag.ms", "0",
      "delete.retention.ms", "500");

  @TempDir Path stateDir;

  @Test
  void shouldRemoveARetractedArticleFromEveryTopicItReached() throws Exception {
    PolicywireConfig base = TestTopics.isolatedConfig(stateDir);
    Map<String, String> streams = new java.util.HashMap<>();
    FAST_COMPACTION.forEach((k, v) -> streams.put("topic." + k, v));
    streams.put("repartition.purge.interval.ms", "500");
    PolicywireConfig config = base.withKafka(streams);
    try (Admin admin = TestTopics.admin()) {
      fastCleaning(admin, config);
    }
    String body = "The communications regulator ordered the report taken down on Monday after "
        + "a court found it defamed three officials. The publisher said it would appeal the "
        + "order and restore the report if it won. Lawyers for the officials welcomed the "
        + "ruling and said they would seek damages from the publisher in a separate case.";
    try (PipelineRunner runner = PipelineRunner.start(config, false)) {
      assertThat(runner.awaitRunning(TIMEOUT)).isTrue();
      // the copy shares the body; only the retracted article has the marker (in its title and
      // its last line), so a trace of the marker anywhere is a trace of the retracted article
      publish(config, new RawArticle("takedown", null, "Wire", TITLE,
          body + "\n\nThe " + MARKER + " desk contributed reporting.", null,
          "2024-05-01T08:00:00Z", "en"));
      publish(config, new RawArticle("copy", null, "Daily", "Report ordered down", body, null,
          "2024-05-01T09:00:00Z", "en"));
      awaitEnriched(config, Set.of("takedown", "copy"));

      int code = new CommandLine(new Main()).execute("retract", "takedown", "--reason", "court",
          "--bootstrap-servers", config.bootstrapServers(), "--config", writeConfig(config));
      assertThat(code).isZero();

      Await.until(TIMEOUT, () -> table(config, config.topics().enriched()).keySet()
          .equals(Set.of("copy")), "the retracted article leaves news.articles.enriched");
      Await.until(TIMEOUT, () -> {
        Collection<String> stories = table(config, config.topics().stories()).values();
        return stories.size() == 1 && stories.iterator().next().contains("\"articleIds\":[\"copy\"]");
      }, "its story lists the copy alone");

      List<String> traces = List.of();
      for (int round = 0; round < 40; round++) {
        // compaction leaves the active segment alone: new records roll every topic's segment
        publish(config, new RawArticle("filler-" + round, null, "Gazette", "Filler " + round,
            "Unrelated filler article number " + round + " about spectrum auctions and the "
                + "timetable the agency set for them this year.", null, null, "en"));
        Thread.sleep(1500);
        traces = traces(config);
        if (traces.isEmpty()) {
          break;
        }
      }
      assertThat(traces).as("records still holding the retracted text").isEmpty();
    }
  }

  /** Topic and offset of every record, in our topics and the application's, with the text. */
  private static List<String> traces(PolicywireConfig config) throws Exception {
    List<String> found = new ArrayList<>();
    Set<String> topics;
    try (Admin admin = TestTopics.admin()) {
      topics = admin.listTopics().names().get();
    }
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      for (String topic : topics) {
        if (!topic.startsWith(config.topicPrefix()) && !topic.startsWith(config.applicationId())) {
          continue;
        }
        var partitions = consumer.partitionsFor(topic).stream()
            .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
            && System.nanoTime() < deadline) {
          for (var r : consumer.poll(Duration.ofMillis(200))) {
            String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
            if (value.contains(MARKER)) {
              found.add(topic + "@" + r.partition() + ":" + r.offset());
            }
          }
        }
      }
    }
    return found;
  }

  private static void fastCleaning(Admin admin, PolicywireConfig config) throws Exception {
    List<AlterConfigOp> ops = FAST_COMPACTION.entrySet().stream().map(e -> new AlterConfigOp(
        new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList();
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new java.util.HashMap<>();
    for (String t : List.of(config.topics().raw(), config.topics().enriched(),
        config.topics().stories())) {
      changes.put(new ConfigResource(ConfigResource.Type.TOPIC, t), ops);
    }
    // the cleaner looks for work every 15 s by default; dynamic, for the whole (test) broker
    changes.put(new ConfigResource(ConfigResource.Type.BROKER, ""), List.of(new AlterConfigOp(
        new ConfigEntry("log.cleaner.backoff.ms", "500"), AlterConfigOp.OpType.SET)));
    admin.incrementalAlterConfigs(changes).all().get();
  }

  private String writeConfig(PolicywireConfig config) throws Exception {
    Path file = stateDir.resolve("retract.properties");
    java.nio.file.Files.writeString(file, "topic.prefix=" + config.topicPrefix() + "\n");
    return file.toString();
  }

  private static Map<String, String> table(PolicywireConfig config, String topic) {
    Map<String, String> table = new java.util.HashMap<>();
    for (var line : new TopicDumper(config.bootstrapServers(), Map.of()).read(topic, TIMEOUT)) {
      if (line.get("value").isNull()) {
        table.remove(line.get("key").asText());
      } else {
        table.put(line.get("key").asText(), line.get("value").toString());
      }
    }
    return table;
  }

  private static void awaitEnriched(PolicywireConfig config, Set<String> ids) {
    assertThat(new ArticleTracker(config.bootstrapServers(), Map.of())
        .await(ids, config.topics().enriched(), config.topics().dlq(), TIMEOUT).enriched())
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  private static void publish(PolicywireConfig config, RawArticle article) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(config.topics().raw(), article.id(),
          AppSerdes.RAW_ARTICLE.serializer().serialize(null, article)));
    }
  }
}
