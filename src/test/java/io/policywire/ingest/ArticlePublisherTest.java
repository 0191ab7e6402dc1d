package io.policywire.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.kafka.AppSerdes;
import io.policywire.model.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticlePublisherTest {

  private static final String TOPIC = "test.news.articles.raw";

  @TempDir Path dir;

  private final List<Problem> reported = Collections.synchronizedList(new ArrayList<>());
  private final PublishListener listener = reported::add;

  @Test
  void shouldPublishEachArticleKeyedByIdAsJson() {
    MockProducer<String, RawArticle> producer = producer(true);
    ArticlePublisher publisher = publisher(producer);
    RawArticle a = article("id-1", "file:///in/a.txt");

    publisher.article(a);
    PublishStats stats = publisher.finish();

    ProducerRecord<String, RawArticle> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo(TOPIC);
    assertThat(sent.key()).isEqualTo("id-1");
    assertThat(sent.value()).isEqualTo(a);
    assertThat(stats.published()).isEqualTo(1);
    assertThat(stats.clean()).isTrue();
  }

  @Test
  void shouldReportFailedSendByUrlAndGoOn() {
    MockProducer<String, RawArticle> producer = producer(false);
    ArticlePublisher publisher = publisher(producer);

    publisher.article(article("1", "file:///in/1.txt"));
    publisher.article(article("2", "file:///in/huge.txt"));
    publisher.article(article("3", null));
    producer.completeNext();
    producer.errorNext(new RecordTooLargeException("record is 9000000 bytes"));
    producer.errorNext(new TimeoutException("expired"));
    PublishStats stats = publisher.finish();

    assertThat(stats.published()).isEqualTo(1);
    assertThat(stats.failed()).isEqualTo(2);
    assertThat(stats.problems()).isEqualTo(2);
    assertThat(reported).extracting(Problem::toString).containsExactly(
        "file:///in/huge.txt: not published: record is 9000000 bytes",
        "article 3: not published: expired");
  }

  @Test
  void shouldCountReadProblemsAndUnknownExtensions() {
    ArticlePublisher publisher = publisher(producer(true));

    publisher.problem(new Problem("bad.json", "invalid JSON"));
    publisher.unknownExtension(Path.of("x.md"));
    PublishStats stats = publisher.finish();

    assertThat(stats.problems()).isEqualTo(1);
    assertThat(stats.unknownExtensions()).isEqualTo(1);
    assertThat(stats.clean()).isFalse();
    assertThat(reported).extracting(Problem::where).containsExactly("bad.json");
  }

  @Test
  void shouldFailClearlyWhenBrokerDoesNotAnswer() {
    MockProducer<String, RawArticle> producer = producer(true);
    producer.partitionsForException = new TimeoutException("Topic not present in metadata");

    assertThatThrownBy(() -> publisher(producer).connect())
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("127.0.0.1:9092")
        .hasMessageContaining(TOPIC)
        .hasMessageContaining("within 30 s");
  }

  @Test
  void shouldStopRunWhenNotAuthorized() {
    MockProducer<String, RawArticle> producer = producer(false);
    ArticlePublisher publisher = publisher(producer);
    publisher.article(article("1", null));
    producer.errorNext(new TopicAuthorizationException("not authorized to write"));

    assertThatThrownBy(() -> publisher.article(article("2", null)))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("not authorized");
  }

  @Test
  void shouldStreamReaderOutputIntoTopicWithStableKeys() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "A\nbody", UTF_8);
    Files.writeString(dir.resolve("b.jsonl"), "{\"id\": \"j1\", \"body\": \"x\"}\nnot json\n", UTF_8);
    Files.writeString(dir.resolve("c.md"), "notes", UTF_8);
    MockProducer<String, RawArticle> producer = producer(true);

    PublishStats stats = publisher(producer).publishAll(new ArticleReader(),
        List.of(dir.toString(), "-"),
        new ByteArrayInputStream("{\"id\": \"s1\", \"body\": \"y\"}".getBytes(UTF_8)));

    assertThat(producer.history()).extracting(ProducerRecord::key)
        .containsExactly(ArticleIds.derive(null, "A", "body"), "j1", "s1");
    assertThat(stats.published()).isEqualTo(3);
    assertThat(stats.problems()).isEqualTo(1);
    assertThat(stats.unknownExtensions()).isEqualTo(1);
    assertThat(reported).extracting(Problem::where).containsExactly(dir.resolve("b.jsonl") + ":2");
  }

  @Test
  void shouldPublishTheFourSeedsUnderTheSameKeysEachTime() {
    List<String> seeds = List.of("../shared/corpus/seeds");
    MockProducer<String, RawArticle> first = producer(true);
    MockProducer<String, RawArticle> second = producer(true);

    publisher(first).publishAll(new ArticleReader(), seeds, noStdin());
    publisher(second).publishAll(new ArticleReader(), seeds, noStdin());

    assertThat(first.history()).hasSize(4);
    assertThat(first.history()).extracting(ProducerRecord::key)
        .containsExactlyElementsOf(second.history().stream().map(ProducerRecord::key).toList());
  }

  private static ByteArrayInputStream noStdin() {
    return new ByteArrayInputStream(new byte[0]);
  }

  private ArticlePublisher publisher(MockProducer<String, RawArticle> producer) {
    return new ArticlePublisher(producer, TOPIC, "127.0.0.1:9092", listener, System::nanoTime);
  }

  private static MockProducer<String, RawArticle> producer(boolean autoComplete) {
    return new MockProducer<>(autoComplete, null, new StringSerializer(),
        AppSerdes.RAW_ARTICLE.serializer());
  }

  private static RawArticle article(String id, String url) {
    return new RawArticle(id, url, "src", "title " + id, "body " + id, RawArticle.TEXT_PLAIN,
        null, null);
  }

}
