package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.Alert;
import io.policywire.model.AlertRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class AlertForwarderTest {

  private static final TopicPartition ALERTS = new TopicPartition("news.alerts", 0);
  private static final TopicPartition RULES = new TopicPartition("news.alert-rules", 0);

  private static Alert alert(String id, List<String> rules) {
    return new Alert(id, "BAN", "gov:us-fcc", List.of("org:tiktok"), "US", null, Alert.NEW,
        "ENACTED", null, "e", "a1", null, false, rules);
  }

  @Test
  void shouldPostEachAlertToTheWebhookOfEveryRuleItMatchedThenCommit() throws Exception {
    MockConsumer<String, Alert> alerts = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    MockConsumer<String, AlertRule> rules = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    alerts.assign(List.of(ALERTS));
    alerts.updateBeginningOffsets(Map.of(ALERTS, 0L));
    rules.assign(List.of(RULES));
    rules.updateBeginningOffsets(Map.of(RULES, 0L));
    rules.updateEndOffsets(Map.of(RULES, 2L));
    rules.addRecord(new ConsumerRecord<>("news.alert-rules", 0, 0, "r1",
        new AlertRule("r1", "desk", null, null, null, null, null, "http://hooks.example/r1")));
    rules.addRecord(new ConsumerRecord<>("news.alert-rules", 0, 1, "r2",
        new AlertRule("r2", "quiet", null, null, null, null, null, null)));
    alerts.addRecord(new ConsumerRecord<>("news.alerts", 0, 0, "act:1",
        alert("act:1", List.of("r1", "r2"))));
    alerts.addRecord(new ConsumerRecord<>("news.alerts", 0, 1, "act:2", alert("act:2", List.of())));

    List<String> posted = new ArrayList<>();
    AlertForwarder forwarder = new AlertForwarder(alerts, rules, (alert, webhook) -> {
      posted.add(alert.id() + " -> " + webhook);
      return new AlertPoster.Delivery(true, 1, null);
    });

    assertThat(forwarder.forwardOnce(Duration.ZERO)).isEqualTo(1);
    assertThat(posted).containsExactly("act:1 -> http://hooks.example/r1");
    assertThat(alerts.committed(java.util.Set.of(ALERTS)).get(ALERTS).offset()).isEqualTo(2);
  }

}
