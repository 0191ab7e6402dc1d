package io.policywire.actions;

import io.policywire.model.Alert;
import io.policywire.model.AlertRule;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

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
  private final Map<String, AlertRule> table = new HashMap<>();

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

  /** One round: catch up on rules, then deliver one batch of alerts. Returns alerts posted. */
  public int forwardOnce(Duration poll) throws InterruptedException {
    ConsumerRecords<String, AlertRule> changes = rules.poll(Duration.ZERO);
    for (ConsumerRecord<String, AlertRule> r : changes) {
      if (r.value() == null) {
        table.remove(r.key());
      } else {
        table.put(r.key(), r.value());
      }
    }
    int posted = 0;
    ConsumerRecords<String, Alert> batch = alerts.poll(poll);
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
