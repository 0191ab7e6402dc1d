package io.policywire.reliability;

import io.policywire.bench.WorkloadGenerator;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.RawArticle;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the bench's workload (one article in five a wire copy) at a steady rate in the
 * background with an idempotent producer that rides out a broker restart, so faults strike
 * while articles are flowing.
 */
final class SteadyPublisher implements AutoCloseable {

  private final Thread thread;
  private final AtomicInteger sent = new AtomicInteger();
  private volatile Exception failure;

  SteadyPublisher(PolicywireConfig config, long seed, int articles, int perSecond) {
    thread = new Thread(() -> run(config, seed, articles, perSecond), "steady-publisher");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(PolicywireConfig config, long seed, int articles, int perSecond) {
    Properties p = new Properties();
    p.putAll(config.kafka());
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    WorkloadGenerator generator = new WorkloadGenerator(seed);
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(p,
        new StringSerializer(), AppSerdes.RAW_ARTICLE.serializer())) {
      for (int i = 0; i < articles; i++) {
        RawArticle a = generator.next();
        producer.send(new ProducerRecord<>(config.topics().raw(), a.id(), a), (md, e) -> {
          if (e != null) {
            failure = e;
          }
        });
        sent.incrementAndGet();
        TimeUnit.MICROSECONDS.sleep(1_000_000L / perSecond);
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  int sent() {
    return sent.get();
  }

  /** Waits until every article is acknowledged; throws if any send failed. */
  void awaitDone(long seconds) throws Exception {
    thread.join(TimeUnit.SECONDS.toMillis(seconds));
    if (thread.isAlive()) {
      throw new IllegalStateException("publisher still running after " + seconds + " s");
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(10_000);
  }
}
