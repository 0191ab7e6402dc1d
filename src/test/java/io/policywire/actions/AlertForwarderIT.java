package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.policywire.config.PolicywireConfig;
import io.policywire.model.Alert;
import io.policywire.model.AlertRule;
import io.policywire.testing.Await;
import io.policywire.testing.SharedBroker;
import io.policywire.testing.TestTopics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook sink's loop on a real broker: rules and alerts in, posts out, offsets committed. */
class AlertForwarderIT {

  @TempDir Path stateDir;

  @Test
  void shouldPostCommittedAlertsToTheirRulesWebhooksAndNotAgainAfterARestart() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(stateDir);
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    try {
      String hook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
      try (KafkaProducer<String, AlertRule> rules = new KafkaProducer<>(p, new StringSerializer(),
          ActionsStage.RULE.serializer());
          KafkaProducer<String, Alert> alerts = new KafkaProducer<>(p, new StringSerializer(),
              ActionsStage.ALERT.serializer())) {
        rules.send(new ProducerRecord<>(config.topics().alertRules(), "r1", new AlertRule("r1",
            "desk", List.of("US"), null, null, null, null, hook))).get();
        alerts.send(new ProducerRecord<>(config.topics().alerts(), "act:1", alert("act:1",
            List.of("r1")))).get();
        alerts.send(new ProducerRecord<>(config.topics().alerts(), "act:2", alert("act:2",
            List.of()))).get();
      }

      runUntil(config, () -> received.size() >= 1);
      assertThat(received).singleElement().asString().contains("\"id\":\"act:1\"");

      runFor(config, Duration.ofSeconds(3)); // a restart: offsets were committed
      assertThat(received).hasSize(1);
    } finally {
      server.stop(0);
    }
  }

  private static Alert alert(String id, List<String> rules) {
    return new Alert(id, "BAN", "gov:us-fcc", List.of("org:tiktok"), "US", null, Alert.NEW,
        "ENACTED", null, "e", "a1", null, false, rules);
  }

  private void runUntil(PolicywireConfig config, java.util.concurrent.Callable<Boolean> done)
      throws Exception {
    try (KafkaConsumer<String, Alert> alerts = alertsConsumer(config);
        KafkaConsumer<String, AlertRule> rules = rulesConsumer(config)) {
      AlertForwarder forwarder = new AlertForwarder(alerts, rules, sink());
      Await.until(Duration.ofSeconds(60), () -> {
        forwarder.forwardOnce(Duration.ofMillis(200));
        return done.call();
      }, "the alert posted");
    }
  }

  private void runFor(PolicywireConfig config, Duration d) throws Exception {
    long end = System.nanoTime() + d.toNanos();
    runUntil(config, () -> System.nanoTime() > end);
  }

  private static WebhookSink sink() {
    return new WebhookSink(2, Duration.ofMillis(10), Duration.ofSeconds(5), (a, u, r) -> { });
  }

  private static KafkaConsumer<String, Alert> alertsConsumer(PolicywireConfig config) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, config.applicationId() + "-alerts-webhook");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, Alert> c = new KafkaConsumer<>(p, new StringDeserializer(),
        ActionsStage.ALERT.deserializer());
    c.subscribe(List.of(config.topics().alerts()));
    return c;
  }

  private static KafkaConsumer<String, AlertRule> rulesConsumer(PolicywireConfig config) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
    KafkaConsumer<String, AlertRule> c = new KafkaConsumer<>(p, new StringDeserializer(),
        ActionsStage.RULE.deserializer());
    List<TopicPartition> parts = c.partitionsFor(config.topics().alertRules()).stream()
        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    c.assign(parts);
    c.seekToBeginning(parts);
    return c;
  }
}
