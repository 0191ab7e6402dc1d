package io.policywire.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.PolicywireConfig;
import io.policywire.examples.CompactedTopicTable;
import io.policywire.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer examples of docs/consumers.md work as written: the Java table and the kcat + awk
 * table, run against a compacted topic with updates and a tombstone, give the same latest value
 * per key.
 */
class ConsumerExampleIT {

  @TempDir Path dir;

  @Test
  void javaAndKcatExamplesBuildTheSameTable() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir);
    String topic = config.topics().stories();
    try (KafkaProducer<String, String> producer = producer(config)) {
      producer.send(new ProducerRecord<>(topic, "s1", story("s1", "first title")));
      producer.send(new ProducerRecord<>(topic, "s2", story("s2", "to be retracted")));
      producer.send(new ProducerRecord<>(topic, "s1", story("s1", "updated title")));
      producer.send(new ProducerRecord<>(topic, "s2", null));
      producer.send(new ProducerRecord<>(topic, "s3", story("s3", "third")));
      producer.flush();
    }

    Map<String, String> java = CompactedTopicTable.read(config.bootstrapServers(), topic);
    Map<String, String> kcat = kcatTable(config.bootstrapServers(), topic);

    assertThat(java).containsOnlyKeys("s1", "s3");
    assertThat(java.get("s1")).contains("updated title");
    assertThat(kcat).isEqualTo(java);
  }

  /** The second command block of docs/consumers.md, with our broker and topic. */
  private Map<String, String> kcatTable(String bootstrap, String topic) throws Exception {
    Matcher block = Pattern.compile("# the table:[^\\n]*\\n(kcat[\\s\\S]*?)\\n\\n")
        .matcher(Files.readString(Path.of("docs/consumers.md")));
    assertThat(block.find()).as("the kcat table example in docs/consumers.md").isTrue();
    String command = block.group(1).replace("127.0.0.1:9092", bootstrap)
        .replace("-t news.stories", "-t " + topic);
    Process p = new ProcessBuilder("bash", "-c", command).redirectError(
        dir.resolve("kcat.err").toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("kcat.err"))).isZero();
    Map<String, String> table = new HashMap<>();
    out.lines().filter(l -> !l.isBlank()).forEach(l -> {
      String[] kv = l.split("\t", 2);
      table.put(kv[0], kv[1]);
    });
    return table;
  }

  private static String story(String id, String title) {
    return "{\"storyId\":\"" + id + "\",\"canonicalId\":\"" + id + "\",\"title\":\"" + title
        + "\",\"articleIds\":[\"" + id + "\"],\"sources\":[\"Wire\"]}";
  }

  private static KafkaProducer<String, String> producer(PolicywireConfig config) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }
}
