package io.policywire.cli;

import io.policywire.actions.ActionsStage;
import io.policywire.actions.AlertForwarder;
import io.policywire.actions.WebhookSink;
import io.policywire.config.PolicywireConfig;
import io.policywire.ingest.feed.Durations;
import io.policywire.kafka.Json;
import io.policywire.model.Alert;
import io.policywire.model.AlertRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code policywire alerts-webhook}: posts alerts to the webhooks their rules name. */
@Command(name = "alerts-webhook", mixinStandardHelpOptions = true,
    description = {"Post each alert of news.alerts as JSON to the webhook of every rule "
        + "(news.alert-rules) it matched; retry passing failures, dead-letter the rest.",
        "Runs until Ctrl-C or SIGTERM; offsets are committed after delivery (group "
        + "<application.id>-alerts-webhook)."})
public final class AlertsWebhookCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Option(names = "--dead-letters", paramLabel = "FILE", required = true,
      description = "JSON lines file the undeliverable alerts are appended to, with the reason.")
  Path deadLetters;

  @Option(names = "--retries", defaultValue = "5",
      description = "Attempts per alert and webhook (default: ${DEFAULT-VALUE}).")
  int attempts;

  @Option(names = "--retry-backoff", defaultValue = "1s",
      description = "First wait between attempts, doubled each time up to 60 s "
          + "(default: ${DEFAULT-VALUE}).")
  String backoff;

  @Option(names = "--timeout", defaultValue = "10s",
      description = "Connect and response timeout (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Override
  public Integer call() throws Exception {
    PolicywireConfig config = options.load();
    WebhookSink sink = new WebhookSink(attempts, Durations.parse(backoff),
        Durations.parse(timeout), this::deadLetter);
    Properties alertProps = properties(config, config.applicationId() + "-alerts-webhook");
    Properties ruleProps = properties(config, null);
    CountDownLatch stopped = new CountDownLatch(1);
    try (KafkaConsumer<String, Alert> alerts = new KafkaConsumer<>(alertProps,
        new StringDeserializer(), ActionsStage.ALERT.deserializer());
        KafkaConsumer<String, AlertRule> rules = new KafkaConsumer<>(ruleProps,
            new StringDeserializer(), ActionsStage.RULE.deserializer())) {
      String rulesTopic = config.topics().alertRules();
      List<TopicPartition> partitions = rules.partitionsFor(rulesTopic, Duration.ofSeconds(30))
          .stream().map(p -> new TopicPartition(rulesTopic, p.partition())).toList();
      rules.assign(partitions);
      rules.seekToBeginning(partitions);
      alerts.subscribe(List.of(config.topics().alerts()));
      Thread main = Thread.currentThread();
      Thread hook = new Thread(() -> {
        alerts.wakeup();
        try {
          stopped.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      Runtime.getRuntime().addShutdownHook(hook);
      AlertForwarder forwarder = new AlertForwarder(alerts, rules, sink);
      try {
        while (!main.isInterrupted()) {
          forwarder.forwardOnce(Duration.ofSeconds(1));
        }
      } catch (WakeupException e) {
        // shutting down
      } finally {
        stopped.countDown();
      }
    }
    return 0;
  }

  private static Properties properties(PolicywireConfig config, String group) {
    Properties props = new Properties();
    props.putAll(config.kafka());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    if (group != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return props;
  }

  private synchronized void deadLetter(Alert alert, java.net.URI webhook, String reason) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("at", Instant.now().toString());
    line.put("webhook", webhook.toString());
    line.put("reason", reason);
    line.put("alert", alert);
    try {
      Files.writeString(deadLetters, Json.MAPPER.writeValueAsString(line) + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dead letter to " + deadLetters, e);
    }
    System.err.println("policywire alerts-webhook: " + alert.id() + " not delivered to "
        + webhook + ": " + reason);
  }
}
