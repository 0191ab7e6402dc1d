package io.policywire.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads the enriched topic on its own thread and notes each record's publish-to-read latency
 * the moment its poll returns. The publishing loop must not read it itself: polling between
 * sends only every 100 ms added up to two poll rounds to every figure.
 */
final class LatencyListener implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(20);

  private final KafkaConsumer<String, byte[]> consumer;
  private final long measureFromMillis;
  private final List<Long> latencies = new ArrayList<>();
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  /**
   * @param consumer assigned to the output partitions; only this listener's thread uses it
   * @param measureFromMillis records published before this (the warm-up) are counted, not timed
   */
  LatencyListener(KafkaConsumer<String, byte[]> consumer, long measureFromMillis) {
    this.consumer = consumer;
    this.measureFromMillis = measureFromMillis;
    this.thread = new Thread(this::run, "bench-latency-listener");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running.get()) {
        var records = consumer.poll(POLL);
        long now = System.currentTimeMillis();
        synchronized (latencies) {
          for (ConsumerRecord<String, byte[]> rec : records) {
            if (rec.timestamp() >= measureFromMillis) {
              latencies.add(now - rec.timestamp());
            }
          }
        }
        received.addAndGet(records.count());
      }
    } catch (WakeupException stopping) {
      // close() woke the poll
    }
  }

  int received() {
    return received.get();
  }

  /** The latencies noted so far, in ms. */
  List<Long> latencies() {
    synchronized (latencies) {
      return List.copyOf(latencies);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    consumer.wakeup();
    thread.join();
  }
}
