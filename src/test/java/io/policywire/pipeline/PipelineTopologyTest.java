package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityMention;
import io.policywire.model.RawArticle;
import io.policywire.model.Story;
import io.policywire.tag.KnowledgeBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
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

class PipelineTopologyTest {

  private static final String BODY = "WASHINGTON — The Commerce Department on Tuesday added "
      + "\u201cdozens\u201d of Chinese firms to its Entity List.\n\nThe move restricts exports.";
  private static final String BODY_RETYPED = "WASHINGTON - The Commerce Department on Tuesday added "
      + "\"dozens\" of Chinese firms\nto its Entity List.\n\n\nThe move   restricts exports.";

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestInputTopic<String, byte[]> rawBytes;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, Story> stories;
  private TestOutputTopic<byte[], byte[]> dlq;
  private Instant clock = Instant.parse("2024-05-01T00:00:00Z");

  @BeforeEach
  void start() {
    PolicywireConfig config = ConfigLoader.defaults(Map.of(
        "POLICYWIRE_MAX_ARTICLE_BYTES", "4096", "POLICYWIRE_TOPIC_PREFIX", "t."))
        .withStateDir(stateDir);
    driver = new TopologyTestDriver(PipelineTopology.build(config),
        StreamsSettings.properties(config));
    raw = driver.createInputTopic("t.news.articles.raw", new StringSerializer(),
        AppSerdes.RAW_ARTICLE.serializer());
    rawBytes = driver.createInputTopic("t.news.articles.raw", new StringSerializer(),
        new ByteArraySerializer());
    enriched = driver.createOutputTopic("t.news.articles.enriched", new StringDeserializer(),
        AppSerdes.ENRICHED_ARTICLE.deserializer());
    stories = driver.createOutputTopic("t.news.stories", new StringDeserializer(),
        AppSerdes.STORY.deserializer());
    dlq = driver.createOutputTopic("t.news.articles.dlq", new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void publish(RawArticle article) {
    clock = clock.plusSeconds(1);
    raw.pipeInput(article.id(), article, clock);
  }

  private static RawArticle article(String id, String source, String title, String body,
      String publishedAt) {
    return new RawArticle(id, "file:/tmp/" + id + ".txt", source, title, body, "text/plain",
        publishedAt, "en");
  }

  @Test
  void shouldWriteOneEnrichedRecordWithEveryContractField() {
    publish(article("a1", "Wire", "US adds firms to Entity List", BODY, "2024-04-30T10:00:00+02:00"));

    TestRecord<String, EnrichedArticle> out = enriched.readRecord();
    EnrichedArticle a = out.value();
    assertThat(out.key()).isEqualTo("a1");
    assertThat(a.schemaVersion()).isEqualTo(1);
    assertThat(a.id()).isEqualTo("a1");
    assertThat(a.url()).isEqualTo("file:/tmp/a1.txt");
    assertThat(a.source()).isEqualTo("Wire");
    assertThat(a.title()).isEqualTo("US adds firms to Entity List");
    assertThat(a.publishedAt()).isEqualTo("2024-04-30T08:00:00Z");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.text()).startsWith("WASHINGTON — The Commerce Department").contains("\n\nThe move");
    assertThat(a.entities()).extracting(EntityMention::id).contains("gov:us-commerce",
        "law:us-entity-list", "gpe:us", "gpe:washington-dc");
    assertThat(a.stances()).isEmpty();
    assertThat(a.actions()).singleElement().satisfies(action -> {
      assertThat(action.type()).isEqualTo("SANCTION");
      assertThat(action.authority()).isEqualTo("gov:us-commerce");
      assertThat(action.date()).isEqualTo("2024-04-30");
    });
    assertThat(a.dedup().storyId()).startsWith("s");
    assertThat(a.dedup().canonicalId()).isEqualTo("a1");
    assertThat(a.dedup().duplicateOf()).isNull();
    assertThat(a.dedup().method()).isEqualTo("none");
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void shouldMarkWireCopyAsDuplicateWhenHeadlineAndTypographyDiffer() {
    publish(article("a1", "Wire", "US adds firms to Entity List", BODY, "2024-04-30T08:00:00Z"));
    publish(article("a2", "Daily", "Dozens of Chinese firms blacklisted", BODY_RETYPED,
        "2024-04-30T09:00:00Z"));

    Map<String, EnrichedArticle> out = enriched.readKeyValuesToMap();
    assertThat(out.get("a2").dedup().duplicateOf()).isEqualTo("a1");
    assertThat(out.get("a2").dedup().method()).isEqualTo("exact");
    assertThat(out.get("a2").dedup().similarity()).isEqualTo(1.0);
    assertThat(out.get("a2").dedup().storyId()).isEqualTo(out.get("a1").dedup().storyId());

    Map<String, Story> byId = stories.readKeyValuesToMap();
    assertThat(byId).hasSize(1);
    Story story = byId.values().iterator().next();
    assertThat(story.canonicalId()).isEqualTo("a1");
    assertThat(story.title()).isEqualTo("US adds firms to Entity List");
    assertThat(story.articleIds()).containsExactly("a1", "a2");
    assertThat(story.sources()).containsExactly("Wire", "Daily");
    assertThat(story.firstSeen()).isEqualTo("2024-04-30T08:00:00Z");
    assertThat(story.lastSeen()).isEqualTo("2024-04-30T09:00:00Z");
  }

  @Test
  void shouldMakeLateArrivingEarlierCopyCanonicalWithoutForkingTheStory() {
    publish(article("late", "Daily", "Copy", BODY, "2024-04-30T09:00:00Z"));
    publish(article("early", "Wire", "Original", BODY_RETYPED, "2024-04-30T08:00:00Z"));
    publish(article("later", "Blog", "Another copy", BODY, "2024-04-30T10:00:00Z"));

    Map<String, EnrichedArticle> out = enriched.readKeyValuesToMap();
    assertThat(out.get("early").dedup().duplicateOf()).isNull();
    assertThat(out.get("later").dedup().duplicateOf()).isEqualTo("early");
    Map<String, Story> byId = liveStories();
    assertThat(byId).hasSize(1);
    Story story = byId.values().iterator().next();
    assertThat(story.canonicalId()).isEqualTo("early");
    assertThat(story.title()).isEqualTo("Original");
    assertThat(story.articleIds()).containsExactly("early", "late", "later");
  }

  @Test
  void shouldGiveTheSameDecisionWhenAnArticleIsDeliveredTwice() {
    publish(article("a1", "Wire", "T", BODY, "2024-04-30T08:00:00Z"));
    publish(article("a2", "Daily", "T2", BODY, "2024-04-30T09:00:00Z"));
    publish(article("a1", "Wire", "T", BODY, "2024-04-30T08:00:00Z"));
    publish(article("a2", "Daily", "T2", BODY, "2024-04-30T09:00:00Z"));

    var records = enriched.readKeyValuesToList();
    assertThat(records).as("the same decision again: nothing new to write")
        .extracting(kv -> kv.key).containsExactly("a1", "a2");
    var storyRecords = stories.readKeyValuesToList();
    assertThat(storyRecords).as("the story written when it changed only").hasSize(2);
    assertThat(storyRecords.get(1).value.articleIds()).containsExactly("a1", "a2");
  }

  @Test
  void shouldWriteAnArticleAgainWhenItsContentChanged() {
    publish(article("a1", "Wire", "T", BODY, "2024-04-30T08:00:00Z"));
    publish(article("a1", "Wire", "T corrected", BODY, "2024-04-30T08:00:00Z"));
    publish(article("a1", "Wire", "T corrected", BODY, "2024-04-30T08:00:00Z"));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::title)
        .containsExactly("T", "T corrected");
    assertThat(driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals("unchanged-total")
            && e.getKey().group().equals("stream-policywire-output-metrics"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum())
        .as("held back: the third enriched record and the unchanged story updates")
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void shouldKeepDifferentStoriesApart() {
    publish(article("a1", "Wire", "One", BODY, null));
    publish(article("b1", "Wire", "Two", "A different story about the EU AI Act.", null));

    Map<String, EnrichedArticle> out = enriched.readKeyValuesToMap();
    assertThat(out.get("b1").dedup().duplicateOf()).isNull();
    assertThat(out.get("b1").dedup().storyId()).isNotEqualTo(out.get("a1").dedup().storyId());
    assertThat(stories.readKeyValuesToMap()).hasSize(2);
  }

  @Test
  void shouldExtractTextAndTitleFromHtml() {
    String html = "<!DOCTYPE html><html><head><title>Page title</title>"
        + "<meta property='og:title' content='EU fines Apple'><script>var x=1;</script></head>"
        + "<body><nav>Home | World</nav><p>The Commission fined Apple.</p>"
        + "<p>Apple will appeal.</p></body></html>";
    publish(new RawArticle("h1", null, "Site", null, html, "text/html", null, null));

    EnrichedArticle a = enriched.readValue();
    assertThat(a.title()).isEqualTo("EU fines Apple");
    assertThat(a.text()).isEqualTo("The Commission fined Apple.\n\nApple will appeal.");
  }

  @Test
  void shouldDeadLetterBadRecordsWithTheirOriginalBytesAndLetTheRestFlow() {
    byte[] invalidJson = "{\"id\": \"x1\", \"body\": ".getBytes(StandardCharsets.UTF_8);
    byte[] noBody = "{\"id\":\"x2\",\"title\":\"Only a title\"}".getBytes(StandardCharsets.UTF_8);
    byte[] oversize = ("{\"id\":\"x3\",\"body\":\"" + "a".repeat(5000) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] badDate = "{\"id\":\"x4\",\"body\":\"text\",\"publishedAt\":\"last Tuesday\"}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] wrongType = "{\"id\":\"x5\",\"body\":{\"nested\":1}}".getBytes(StandardCharsets.UTF_8);
    byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};
    for (byte[] bad : new byte[][] {invalidJson, noBody, oversize, badDate, wrongType, notUtf8}) {
      rawBytes.pipeInput("bad", bad);
    }
    publish(article("good", "Wire", "Fine", BODY, null));

    assertThat(enriched.readKeyValuesToMap()).containsOnlyKeys("good");
    var dead = dlq.readRecordsToList();
    assertThat(dead).extracting(TestRecord::value)
        .containsExactly(invalidJson, noBody, oversize, badDate, wrongType, notUtf8);
    assertThat(header(dead.get(1).headers(), "__streams.errors.message")).contains("has no body");
    assertThat(header(dead.get(2).headers(), "__streams.errors.message")).contains("over the limit");
    assertThat(header(dead.get(3).headers(), "__streams.errors.message")).contains("ISO-8601");
    assertThat(dead).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsOnly("bad");
    assertThat(header(dead.get(0).headers(), "__streams.errors.exception"))
        .contains("SerializationException");
    assertThat(header(dead.get(4).headers(), "__streams.errors.message"))
        .contains("not a valid RawArticle");
    assertThat(header(dead.get(0).headers(), "__streams.errors.topic"))
        .isEqualTo("t.news.articles.raw");
  }

  @Test
  void shouldStampLineageOnEveryOutputRecordAndIgnoreForgedLineage() {
    publish(article("first", "Wire", "Entity List grows", BODY, "2024-04-30T08:00:00Z"));
    var forged = new org.apache.kafka.common.header.internals.RecordHeaders();
    forged.add(Lineage.RAW_OFFSET, "999".getBytes(StandardCharsets.UTF_8));
    forged.add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
    raw.pipeInput(new TestRecord<>("copy", article("copy", "Daily", "Dozens added",
        BODY_RETYPED, "2024-04-30T09:00:00Z"), forged, clock.plusSeconds(1)));

    var records = enriched.readRecordsToList();
    assertThat(records).extracting(TestRecord::key).containsExactly("first", "copy");
    Headers copy = records.get(1).headers();
    assertThat(header(copy, Lineage.RAW_TOPIC)).isEqualTo("t.news.articles.raw");
    assertThat(header(copy, Lineage.RAW_PARTITION)).isEqualTo("0");
    assertThat(header(copy, Lineage.RAW_OFFSET)).isEqualTo("1");
    assertThat(copy.headers(Lineage.RAW_OFFSET)).hasSize(1);
    assertThat(header(copy, "trace-id")).as("only lineage is carried").isNull();
    assertThat(header(copy, Lineage.VERSION)).isNotBlank();
    assertThat(header(copy, Lineage.KB_VERSION)).isEqualTo(KnowledgeBase.builtIn().version());
    assertThat(header(records.get(0).headers(), Lineage.RAW_OFFSET)).isEqualTo("0");
    assertThat(header(copy, Lineage.SETTINGS))
        .isEqualTo(header(records.get(0).headers(), Lineage.SETTINGS)).hasSize(16);

    var storyRecords = stories.readRecordsToList();
    assertThat(header(storyRecords.get(storyRecords.size() - 1).headers(), Lineage.RAW_OFFSET))
        .as("the story names the raw record that last changed it").isEqualTo("1");
  }

  @Test
  void shouldChangeTheSettingsFingerprintWithTheEnrichmentSettingsOnly() {
    PolicywireConfig base = ConfigLoader.defaults(Map.of());
    KnowledgeBase kb = KnowledgeBase.builtIn();
    String fingerprint = Lineage.of(base, kb).settings();
    assertThat(Lineage.of(base.withHttpPort(9999), kb).settings()).isEqualTo(fingerprint);
    assertThat(Lineage.of(ConfigLoader.defaults(Map.of("POLICYWIRE_MAX_ARTICLE_BYTES", "4096")),
        kb).settings()).isNotEqualTo(fingerprint);
    KnowledgeBase smaller = KnowledgeBase.of(kb.entities().stream().skip(1).toList());
    assertThat(Lineage.of(base, smaller).settings()).as("another knowledge base")
        .isNotEqualTo(fingerprint);
  }

  @Test
  void shouldTakeARetractedArticleOutOfEnrichedAndItsStory() {
    publish(article("first", "Wire", "Entity List grows", BODY, "2024-04-30T08:00:00Z"));
    publish(article("copy", "Daily", "Dozens added", BODY_RETYPED, "2024-04-30T09:00:00Z"));
    publish(article("alone", "Gazette", "Other news", "The court ruled on Friday that the "
        + "ban was lawful, ending a year of litigation.", "2024-04-30T10:00:00Z"));
    enriched.readRecordsToList();

    rawBytes.pipeInput("first", null, clock.plusSeconds(1));
    rawBytes.pipeInput("alone", null, clock.plusSeconds(2));

    var tombstones = enriched.readRecordsToList();
    assertThat(tombstones).extracting(TestRecord::key).containsExactly("first", "alone");
    assertThat(tombstones).extracting(TestRecord::value).containsOnlyNulls();
    Map<String, Story> table = liveStories();
    assertThat(table).hasSize(1);
    Story left = table.values().iterator().next();
    assertThat(left.articleIds()).containsExactly("copy");
    assertThat(left.storyId()).isEqualTo(io.policywire.dedupe.StoryAssigner.storyIdOf("copy"));
    assertThat(dlq.isEmpty()).as("a tombstone is a retraction, not bad input").isTrue();
  }

  /** The stories topic as a table: the latest value per key, deleted (tombstoned) keys left out. */
  private Map<String, Story> liveStories() {
    Map<String, Story> table = new java.util.HashMap<>(stories.readKeyValuesToMap());
    table.values().removeIf(java.util.Objects::isNull);
    return table;
  }

  private static String header(Headers headers, String key) {
    var h = headers.lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
