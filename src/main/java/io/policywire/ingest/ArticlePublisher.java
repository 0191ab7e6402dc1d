package io.policywire.ingest;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.RawArticle;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes {@link RawArticle}s to the raw topic ({@code config.topics().raw()}), key = article
 * id, value = the article as JSON. It is an {@link ArticleSink}, so {@link ArticleReader} streams
 * straight into it: {@code reader.read(inputs, stdin, publisher)}, then {@link #finish()}.
 *
 * <p>Sends are asynchronous; a record the broker refuses (too large, timed out) is reported as a
 * {@link Problem} naming the article's url (its file) and counted, and the rest goes on. Only a
 * broker that cannot be used at all (see {@link #connect()}, authentication, authorization)
 * stops the run, with a {@link BrokerUnavailableException}.
 */
public final class ArticlePublisher implements ArticleSink, AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<String, RawArticle> producer;
  private final String topic;
  private final String bootstrapServers;
  private final PublishListener listener;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong readProblems = new AtomicLong();
  private final AtomicLong unknownExtensions = new AtomicLong();
  private volatile KafkaException fatal;

  /** A publisher with its own idempotent producer, configured by {@link ProducerSettings}. */
  public ArticlePublisher(PolicywireConfig config, PublishListener listener) {
    this(new KafkaProducer<>(ProducerSettings.of(config), new StringSerializer(),
            AppSerdes.RAW_ARTICLE.serializer()),
        config.topics().raw(), config.bootstrapServers(), listener, System::nanoTime);
  }

  /** For tests: any producer (e.g. a {@code MockProducer}) and clock. */
  ArticlePublisher(Producer<String, RawArticle> producer, String topic, String bootstrapServers,
      PublishListener listener, LongSupplier nanoClock) {
    this.producer = producer;
    this.topic = topic;
    this.bootstrapServers = bootstrapServers;
    this.listener = listener;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
  }

  /**
   * The whole run: {@link #connect()}, stream every input through the reader into this
   * publisher, then {@link #finish()}. Throws {@link BrokerUnavailableException} when Kafka
   * cannot be used; every other failure is a problem counted in the result.
   */
  public PublishStats publishAll(ArticleReader reader, List<String> inputs, InputStream stdin) {
    connect();
    reader.read(inputs, stdin, this);
    return finish();
  }

  public String topic() {
    return topic;
  }

  /**
   * Fetches the raw topic's metadata, waiting at most {@code max.block.ms}: fails fast with a
   * clear message when the broker is unreachable or the topic does not exist, before any input
   * is read.
   */
  public void connect() {
    try {
      producer.partitionsFor(topic);
    } catch (TimeoutException e) {
      throw new BrokerUnavailableException("no answer from Kafka at " + bootstrapServers
          + " about topic " + topic + " within " + ProducerSettings.MAX_BLOCK_MS / 1000
          + " s: is the broker running and reachable, and does the topic exist "
          + "(policywire topics apply)?", e);
    } catch (KafkaException e) {
      throw unusable(e);
    }
  }

  /** Sends one article; its acknowledgement or failure arrives later, on the I/O thread. */
  @Override
  public void article(RawArticle article) {
    throwIfFatal();
    try {
      producer.send(new ProducerRecord<>(topic, article.id(), article),
          (metadata, error) -> acknowledged(article, metadata, error));
    } catch (AuthenticationException | AuthorizationException e) {
      throw unusable(e);
    } catch (KafkaException e) {
      sendFailed(article, e);
    }
    listener.progress(stats());
  }

  @Override
  public void problem(Problem problem) {
    readProblems.incrementAndGet();
    listener.problem(problem);
  }

  @Override
  public void unknownExtension(Path file) {
    unknownExtensions.incrementAndGet();
    listener.unknownExtension(file);
  }

  /** Waits for every send to be acknowledged or failed, and returns the final counts. */
  public PublishStats finish() {
    producer.flush();
    throwIfFatal();
    return stats();
  }

  public PublishStats stats() {
    long failures = failed.get();
    return new PublishStats(published.get(), failures, readProblems.get() + failures,
        unknownExtensions.get(), Duration.ofNanos(nanoClock.getAsLong() - startNanos));
  }

  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }

  private void acknowledged(RawArticle article, RecordMetadata metadata, Exception error) {
    if (error == null) {
      published.incrementAndGet();
      listener.published(article);
    } else if (error instanceof AuthenticationException || error instanceof AuthorizationException) {
      fatal = (KafkaException) error;
      failed.incrementAndGet();
    } else {
      sendFailed(article, error);
    }
  }

  private void sendFailed(RawArticle article, Exception error) {
    failed.incrementAndGet();
    listener.problem(new Problem(whereFrom(article), "not published: " + error.getMessage()));
  }

  private static String whereFrom(RawArticle article) {
    return article.url() != null ? article.url() : "article " + article.id();
  }

  private void throwIfFatal() {
    KafkaException e = fatal;
    if (e != null) {
      throw unusable(e);
    }
  }

  private BrokerUnavailableException unusable(KafkaException e) {
    return new BrokerUnavailableException("cannot publish to topic " + topic + " on Kafka at "
        + bootstrapServers + ": " + e.getMessage(), e);
  }
}
