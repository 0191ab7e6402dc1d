package io.policywire.actions;

import io.policywire.model.Alert;
import io.policywire.model.AlertRule;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * The webhook sink's loop: reads committed alerts from {@code news.alerts} and the rules from
 * {@code news.alert-rules}, and posts each alert to the webhook of every rule it matched. Offsets
 * are committed after a batch is delivered or dead-lettered, so a crash re-posts at most one
 * batch (receivers drop repeats by the {@code Idempotency-Key}); nothing is skipped.
 */
public final class AlertForwarder {

  private final Consumer<String, Alert> alerts;
  private final Consumer<String, AlertRule> rules;
  private final AlertPoster sink;
  private static final Duration RULES_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, AlertRule> table = new HashMap<>();

  private void catchUpRules() {
    Set<TopicPartition> partitions = rules.assignment();
    Map<TopicPartition, Long> end = rules.endOffsets(partitions);
    long deadline = System.nanoTime() + RULES_TIMEOUT.toNanos();
    do {
      for (ConsumerRecord<String, AlertRule> r : rules.poll(Duration.ofMillis(50))) {
        if (r.value() == null) {
          table.remove(r.key());
        } else {
          table.put(r.key(), r.value());
        }
      }
    } while (partitions.stream().anyMatch(tp -> rules.position(tp) < end.getOrDefault(tp, 0L))
        && System.nanoTime() < deadline);
    if (partitions.stream().anyMatch(tp -> rules.position(tp) < end.getOrDefault(tp, 0L))) {
      throw new IllegalStateException("cannot read the alert rules to their end in "
          + RULES_TIMEOUT.toSeconds() + " s");
    }
  }

  /**
   * @param alerts subscribed to the alerts topic, in a consumer group, read_committed, no
   *     auto-commit
   * @param rules assigned every partition of the rules topic from the beginning
   */
  public AlertForwarder(Consumer<String, Alert> alerts, Consumer<String, AlertRule> rules,
      AlertPoster sink) {
    this.alerts = alerts;
    this.rules = rules;
    this.sink = sink;
  }

  /**
   * One round: poll a batch of alerts, read the rules up to their end (so no alert is matched
   * against rules not yet loaded), deliver the batch, commit. Returns the posts delivered.
   */
  public int forwardOnce(Duration poll) throws InterruptedException {
    ConsumerRecords<String, Alert> batch = alerts.poll(poll);
    catchUpRules();
    int posted = 0;
    for (ConsumerRecord<String, Alert> record : batch) {
      Alert alert = record.value();
      if (alert == null) {
        continue;
      }
      for (String ruleId : alert.rules()) {
        AlertRule rule = table.get(ruleId);
        if (rule != null && rule.webhook() != null && !rule.webhook().isBlank()) {
          if (sink.post(alert, URI.create(rule.webhook())).delivered()) {
            posted++;
          }
        }
      }
    }
    if (!batch.isEmpty()) {
      alerts.commitSync();
    }
    return posted;
  }
}
