package io.policywire.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.config.TopicNames;
import io.policywire.kafka.TopicChange.Kind;
import io.policywire.kafka.TopicChange.Outcome;
import io.policywire.testing.Await;
import io.policywire.testing.TestTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopicsApplyIT {

  private Admin admin;
  private TopicApplier applier;
  private TopicNames names;
  private List<TopicSpec> specs;

  @BeforeEach
  void setUp() {
    admin = TestTopics.admin();
    applier = new TopicApplier(admin);
    names = new TopicNames(TestTopics.uniquePrefix());
    specs = TopicSpecs.fromClasspath(names).stream().map(s -> s.withReplicationFactor(1)).toList();
  }

  @AfterEach
  void tearDown() {
    admin.close();
  }

  @Test
  void shouldCreateEveryTopicThenChangeNothingTheSecondTime() throws Exception {
    List<TopicChange> first = applier.apply(specs, false, false);
    assertThat(first).hasSize(TopicNames.ALL.size()).allMatch(c -> c.kind() == Kind.CREATE && c.outcome() == Outcome.APPLIED);

    List<TopicChange> second = applier.apply(specs, false, false);

    assertThat(second).isEmpty();
    var described = admin.describeTopics(List.of(names.stories(), names.raw()))
        .allTopicNames().get(30, TimeUnit.SECONDS);
    assertThat(described.get(names.stories()).partitions()).hasSize(6);
    assertThat(config(names.stories(), "cleanup.policy")).isEqualTo("compact");
    assertThat(config(names.raw(), "cleanup.policy")).isEqualTo("compact,delete");
    assertThat(config(names.raw(), "min.insync.replicas")).isEqualTo("1");
  }

  @Test
  void shouldCorrectConfigDriftAndReportUndeclaredConfigs() throws Exception {
    applier.apply(specs, false, false);
    alter(names.stories(), "segment.ms", "3600000");
    alter(names.stories(), "max.compaction.lag.ms", "86400000");
    Await.until(Duration.ofSeconds(30), () -> "86400000".equals(
        config(names.stories(), "max.compaction.lag.ms")) && "3600000".equals(
        config(names.stories(), "segment.ms")), "the manual changes to be visible");

    List<TopicChange> changes = applier.apply(specs, false, false);

    assertThat(changes).extracting(TopicChange::kind, TopicChange::outcome).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(Kind.ALTER_CONFIG, Outcome.APPLIED),
        org.assertj.core.groups.Tuple.tuple(Kind.UNDECLARED_CONFIG, Outcome.REPORTED));
    assertThat(config(names.stories(), "segment.ms")).isEqualTo("86400000");
    assertThat(config(names.stories(), "max.compaction.lag.ms")).isEqualTo("86400000");
  }

  @Test
  void shouldReportButNeverApplyFewerPartitions() throws Exception {
    applier.apply(specs, false, false);
    List<TopicSpec> fewer = new ArrayList<>(specs);
    TopicSpec raw = fewer.get(0);
    fewer.set(0, new TopicSpec(raw.name(), raw.description(), 2, 1, raw.config()));

    List<TopicChange> changes = applier.apply(fewer, false, true);

    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.REDUCE_PARTITIONS);
      assertThat(c.outcome()).isEqualTo(Outcome.REPORTED);
      assertThat(c.leftUndone()).isTrue();
    });
    assertThat(admin.describeTopics(List.of(raw.name())).allTopicNames().get(30, TimeUnit.SECONDS)
        .get(raw.name()).partitions()).hasSize(6);
  }

  @Test
  void shouldAddPartitionsWhenTheDefinitionAsksForMore() throws Exception {
    applier.apply(specs, false, false);
    TopicSpec alerts = specs.get(6);
    TopicSpec more = new TopicSpec(alerts.name(), alerts.description(), 5, 1, alerts.config());

    assertThat(applier.apply(List.of(more), false, false)).singleElement()
        .extracting(TopicChange::kind).isEqualTo(Kind.ADD_PARTITIONS);
    assertThat(admin.describeTopics(List.of(alerts.name())).allTopicNames()
        .get(30, TimeUnit.SECONDS).get(alerts.name()).partitions()).hasSize(5);
  }

  @Test
  void shouldSkipShorterRetentionUnlessDestructiveChangesAreAllowed() throws Exception {
    applier.apply(specs, false, false);
    TopicSpec raw = specs.get(0);
    Map<String, String> shorter = new HashMap<>(raw.config());
    shorter.put("retention.ms", "3600000");
    TopicSpec shorterRetention = new TopicSpec(raw.name(), raw.description(), 6, 1, shorter);

    assertThat(applier.apply(List.of(shorterRetention), false, false)).singleElement()
        .extracting(TopicChange::outcome).isEqualTo(Outcome.SKIPPED_DESTRUCTIVE);
    assertThat(config(raw.name(), "retention.ms")).isEqualTo(raw.config().get("retention.ms"));

    assertThat(applier.apply(List.of(shorterRetention), false, true)).singleElement()
        .extracting(TopicChange::outcome).isEqualTo(Outcome.APPLIED);
    assertThat(config(raw.name(), "retention.ms")).isEqualTo("3600000");
  }

  @Test
  void shouldOnlyPlanInDryRun() throws Exception {
    assertThat(applier.apply(specs, true, false)).hasSize(TopicNames.ALL.size())
        .allMatch(c -> c.outcome() == Outcome.PLANNED);
    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(names.raw());
  }

  @Test
  void shouldRefuseReplicationFactorAboveTheBrokerCount() {
    List<TopicSpec> production = TopicSpecs.fromClasspath(names);

    assertThatThrownBy(() -> applier.apply(production, false, false))
        .hasMessageContaining("--replication-factor 1");
  }

  private String config(String topic, String key) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r).get(key).value();
  }

  private void alter(String topic, String key, String value) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    admin.incrementalAlterConfigs(Map.of(r, List.of(new AlterConfigOp(new ConfigEntry(key, value),
        AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
  }
}
