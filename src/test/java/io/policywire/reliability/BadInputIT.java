package io.policywire.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.ArticleTracker;
import io.policywire.kafka.ReadCommittedConsumers;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.RawArticle;
import io.policywire.pipeline.PipelineRunner;
import io.policywire.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every class of bad input ({@link BadInputs}) on a real broker, each followed by a good
 * article: the bad ones are dead-lettered with their original bytes and the reason, or enriched
 * once made safe, and every good one still comes through. Writes the bad-input table of
 * {@code docs/reliability.md}.
 */
class BadInputIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String GOOD_BODY = "The Federal Trade Commission on Monday sued to block "
      + "the merger, saying it would harm competition in cloud gaming.";

  @TempDir Path stateDir;

  @Test
  void shouldDeadLetterOrDefuseEveryClassOfBadInputAndLetTheRestFlow() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(stateDir);
    List<BadInputs.Case> cases = BadInputs.all();
    Set<String> good = new HashSet<>();
    try (PipelineRunner runner = PipelineRunner.start(config, false)) {
      assertThat(runner.awaitRunning(TIMEOUT)).as("pipeline reaches RUNNING").isTrue();
      try (KafkaProducer<String, byte[]> producer = producer()) {
        for (BadInputs.Case c : cases) {
          producer.send(new ProducerRecord<>(config.topics().raw(), c.key(), c.value()));
          String goodId = "good-after-" + c.key();
          good.add(goodId);
          producer.send(new ProducerRecord<>(config.topics().raw(), goodId, goodArticle(goodId)));
        }
        producer.flush();
      }
      Set<String> all = new HashSet<>(good);
      cases.forEach(c -> all.add(c.key()));
      ArticleTracker.Outcome outcome = new ArticleTracker(config.bootstrapServers(), Map.of())
          .await(all, config.topics().enriched(), config.topics().dlq(), TIMEOUT);

      assertThat(outcome.missing()).as("every input came out somewhere").isEmpty();
      assertThat(outcome.enriched()).containsAll(good);
      assertThat(runner.streams().state().isRunningOrRebalancing()).isTrue();

      Map<String, ConsumerRecord<String, byte[]>> dead = readAll(config, config.topics().dlq());
      Map<String, ConsumerRecord<String, byte[]>> enriched =
          readAll(config, config.topics().enriched());
      for (BadInputs.Case c : cases) {
        check(c, dead.get(c.key()), enriched.get(c.key()), config);
      }
    }
  }

  private static void check(BadInputs.Case c, ConsumerRecord<String, byte[]> dead,
      ConsumerRecord<String, byte[]> enriched, PolicywireConfig config) {
    String outcome;
    String detail;
    if (dead != null) {
      assertThat(c.expect()).as("%s may not be dead-lettered", c.key())
          .isNotEqualTo(BadInputs.Expect.ENRICHED);
      assertThat(dead.value()).as("%s: original bytes", c.key()).isEqualTo(c.value());
      String exception = header(dead, "__streams.errors.exception");
      String message = header(dead, "__streams.errors.message");
      assertThat(exception).as("%s: error class header", c.key()).isNotBlank();
      assertThat(header(dead, "__streams.errors.topic")).isEqualTo(config.topics().raw());
      assertThat(header(dead, "__streams.errors.partition")).isNotNull();
      assertThat(header(dead, "__streams.errors.offset")).isNotNull();
      assertThat(exception + " " + message).as("%s: reason", c.key()).contains(c.reason());
      outcome = "dead-lettered";
      detail = "`" + simpleName(exception) + "`: " + oneLine(message);
    } else {
      assertThat(enriched).as("%s came out neither dead-lettered nor enriched", c.key())
          .isNotNull();
      assertThat(c.expect()).as("%s must be dead-lettered", c.key())
          .isNotEqualTo(BadInputs.Expect.DEAD_LETTER);
      EnrichedArticle article = AppSerdes.ENRICHED_ARTICLE.deserializer()
          .deserialize(null, enriched.value());
      assertSafe(article.title());
      assertSafe(article.text());
      assertThat(article.text()).doesNotContain("root:").doesNotContain("lollol");
      outcome = "enriched, made safe";
      detail = "title `" + oneLine(article.title()) + "`, " + article.text().length()
          + " chars of text";
    }
    ReliabilityReport.badInput(c.description(), c.value().length, outcome, detail);
  }

  /** No control characters (bar line breaks in the text) and no bidi overrides or isolates. */
  private static void assertSafe(String s) {
    assertThat(s.codePoints().filter(cp -> (Character.getType(cp) == Character.CONTROL
        && cp != '\n') || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)))
        .as("control or bidi characters left in %s", s.length() > 80 ? s.substring(0, 80) : s)
        .isEmpty();
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.replaceAll("\\p{Cntrl}", " ").replace("|", "\\|").trim();
    return line.length() > 90 ? line.substring(0, 90) + "…" : line;
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static String header(ConsumerRecord<?, ?> record, String key) {
    Header h = record.headers().lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static byte[] goodArticle(String id) {
    return AppSerdes.RAW_ARTICLE.serializer().serialize(null, new RawArticle(id, null, "Wire",
        "FTC sues " + id, GOOD_BODY + " Reference " + id + ".", null, "2024-01-01", null));
  }

  private static Map<String, ConsumerRecord<String, byte[]>> readAll(PolicywireConfig config,
      String topic) {
    Properties props = ReadCommittedConsumers.properties(config.bootstrapServers(), Map.of(),
        "bad-input-it");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 << 20));
    Map<String, ConsumerRecord<String, byte[]>> byKey = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      int emptyPolls = 0;
      while (System.nanoTime() < deadline && emptyPolls < 3) {
        var records = consumer.poll(Duration.ofMillis(500));
        emptyPolls = records.isEmpty() && !byKey.isEmpty() ? emptyPolls + 1 : 0;
        records.forEach(r -> byKey.put(r.key(), r));
      }
    }
    return byKey;
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, io.policywire.testing.SharedBroker
        .bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 << 20));
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }
}
