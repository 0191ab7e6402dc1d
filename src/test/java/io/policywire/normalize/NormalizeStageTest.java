package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.EnrichedArticle;
import io.policywire.pipeline.PipelineTopology;
import io.policywire.pipeline.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The normalize stage inside the real topology: every kind of bad input becomes one dead letter
 * with its original bytes and a reason in its headers, none stops the good article behind it;
 * what normalize finds (origin, byline, canonical URL, language) reaches the enriched record.
 */
class NormalizeStageTest {

  private static final String BODY = "The regulator fined the company on Monday for breaking "
      + "the rules on app store payments.";

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<byte[], byte[]> dlq;

  @BeforeEach
  void start() {
    PolicywireConfig config = ConfigLoader.defaults(Map.of(
        "POLICYWIRE_MAX_ARTICLE_BYTES", "4096", "POLICYWIRE_TOPIC_PREFIX", "n."))
        .withStateDir(stateDir);
    driver = new TopologyTestDriver(PipelineTopology.build(config),
        StreamsSettings.properties(config));
    raw = driver.createInputTopic("n.news.articles.raw", new StringSerializer(),
        new ByteArraySerializer());
    enriched = driver.createOutputTopic("n.news.articles.enriched", new StringDeserializer(),
        AppSerdes.ENRICHED_ARTICLE.deserializer());
    dlq = driver.createOutputTopic("n.news.articles.dlq", new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static byte[] json(String title, String body) {
    String t = title == null ? "" : "\"title\":\"" + title + "\",";
    return ("{\"id\":\"x\"," + t + "\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldCarryOriginAuthorCanonicalUrlAndLanguageIntoTheEnrichedArticle() {
    String page = "<html lang='en'><head><title>Fine for the app store</title>"
        + "<link rel='canonical' href='https://ledger.example/fine'>"
        + "<meta name='author' content='Mara Quint'></head><body><article><p>PARIS (AFP) \u2014 "
        + BODY + " The company said it would appeal against the decision.</p></article>"
        + "</body></html>";
    raw.pipeInput("h", ("{\"id\":\"h\",\"contentType\":\"text/html\",\"body\":"
        + io.policywire.kafka.Json.MAPPER.valueToTree(page) + "}").getBytes(StandardCharsets.UTF_8));

    EnrichedArticle a = enriched.readValue();

    assertThat(a.title()).isEqualTo("Fine for the app store");
    assertThat(a.origin()).isEqualTo("AFP");
    assertThat(a.text()).startsWith("PARIS \u2014 The regulator fined");
    assertThat(a.author()).isEqualTo("Mara Quint");
    assertThat(a.canonicalUrl()).isEqualTo("https://ledger.example/fine");
    assertThat(a.language()).isEqualTo("en");
  }

  @Test
  void shouldDeadLetterEachBadInputWithAClearReason() {
    Map<String, byte[]> bad = new LinkedHashMap<>();
    bad.put("not UTF-8", "{\"id\":\"x\",\"title\":\"T\",\"body\":\"caf\u00e9 au lait\"}"
        .getBytes(StandardCharsets.ISO_8859_1));
    bad.put("not UTF-8 ", "{\"id\":\"x\",\"body\":\"text\"}".getBytes(StandardCharsets.UTF_16));
    bad.put("not a valid RawArticle", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
    bad.put("not a valid RawArticle ", "{\"id\": \"x\", \"body\": ".getBytes(StandardCharsets.UTF_8));
    bad.put("record has no value", "null".getBytes(StandardCharsets.UTF_8));
    bad.put("max.article.bytes 4096", ("{\"id\":\"x\",\"body\":\"" + "a".repeat(100_000) + "\"}")
        .getBytes(StandardCharsets.UTF_8));
    bad.put("bytes of title and body, over the limit of 4096", json("T", "a ".repeat(2100)));
    bad.put("has no title", json(null, BODY));
    bad.put("has no body", json("T", " "));
    bad.put("only 2 words", json("T", "Breaking news"));
    bad.put("looks binary", json("T", "\\u0000\\u0001\\u0002\\u0003 binary blob of bytes"));
    bad.put("a title of 1001 characters", json("t".repeat(1001), BODY));
    for (byte[] value : bad.values()) {
      raw.pipeInput("x", value);
    }
    raw.pipeInput("x", json("Fine", BODY));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::title)
        .containsExactly("Fine");
    List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).extracting(TestRecord::value).containsExactlyElementsOf(bad.values());
    List<String> reasons = dead.stream().map(r -> new String(
        r.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8)).toList();
    List<String> expected = List.copyOf(bad.keySet());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(reasons.get(i)).contains(expected.get(i).strip());
    }
  }
}
