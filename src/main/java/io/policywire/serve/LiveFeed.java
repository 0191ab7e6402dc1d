package io.policywire.serve;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New stories, regulatory actions and alerts as they are committed, for the server-sent-events
 * feed. Every instance reads every partition of {@code news.stories},
 * {@code news.regulatory-actions} and {@code news.alerts} from their end with a plain consumer
 * (no group, read-committed), so a browser connected to any instance sees everything, not just
 * the partitions that instance processes.
 */
public final class LiveFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final long HEARTBEAT_MS = 15_000;

  /** One event: its type ({@code story}, {@code action}, {@code alert}), key and JSON value. */
  public record Event(String type, String key, String json) {}

  private final Map<String, String> typeByTopic = new HashMap<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> heartbeats = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean assigned;

  public LiveFeed(PolicywireConfig config) {
    typeByTopic.put(config.topics().stories(), "story");
    typeByTopic.put(config.topics().actions(), "action");
    typeByTopic.put(config.topics().alerts(), "alert");
    Map<String, Object> props = new HashMap<>(config.kafka());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-live-feed");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    thread = new Thread(this::run, "policywire-live-feed");
    thread.setDaemon(true);
  }

  public LiveFeed start() {
    thread.start();
    return this;
  }

  /** Calls {@code listener} for each new event, on the feed's thread; it must not block. */
  public void subscribe(Consumer<Event> listener, Runnable heartbeat) {
    listeners.add(listener);
    heartbeats.add(heartbeat);
  }

  public void unsubscribe(Consumer<Event> listener, Runnable heartbeat) {
    listeners.remove(listener);
    heartbeats.remove(heartbeat);
  }

  public int subscribers() {
    return listeners.size();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : typeByTopic.keySet()) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        for (PartitionInfo p : infos) {
          partitions.add(new TopicPartition(p.topic(), p.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // fix the start now, before any event is missed
      assigned = true;
      long lastBeat = System.currentTimeMillis();
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          if (r.value() == null) {
            continue;
          }
          Event event = new Event(typeByTopic.get(r.topic()), r.key(), compact(r.value()));
          listeners.forEach(l -> deliver(l, event));
        }
        if (System.currentTimeMillis() - lastBeat > HEARTBEAT_MS) {
          heartbeats.forEach(Runnable::run);
          lastBeat = System.currentTimeMillis();
        }
      }
    } catch (WakeupException stopping) {
      // close() woke us
    } catch (RuntimeException e) {
      LOG.warn("live feed stopped: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** One line of JSON (an SSE data line ends at a newline); not JSON: sent as a JSON string. */
  private static String compact(byte[] value) {
    try {
      return Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(value));
    } catch (java.io.IOException e) {
      try {
        return Json.MAPPER.writeValueAsString(new String(value, StandardCharsets.UTF_8));
      } catch (java.io.IOException impossible) {
        return "null";
      }
    }
  }

  private static void deliver(Consumer<Event> listener, Event event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      LOG.debug("live feed listener failed: {}", e.toString());
    }
  }

  /** True once the feed reads from the end of every partition: events from now on are seen. */
  public boolean assigned() {
    return assigned;
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
