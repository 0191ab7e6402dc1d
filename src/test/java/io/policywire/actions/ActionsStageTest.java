package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.config.TopicNames;
import io.policywire.kafka.Json;
import io.policywire.testing.ContractSchemas;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.ActionMention;
import io.policywire.model.Alert;
import io.policywire.model.AlertRule;
import io.policywire.model.Dedup;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.RegulatoryAction;
import io.policywire.pipeline.StreamsSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The actions stage alone on the topology test driver, fed enriched articles. */
class ActionsStageTest {

  private static final String ORDER = "act:us:order:donald-trump:tiktok:2020-08";
  private static final String REVOCATION = "act:us:revocation:joe-biden:tiktok:2021-06";

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, RegulatoryAction> actions;
  private TestOutputTopic<String, Alert> alerts;
  private TestInputTopic<String, AlertRule> rules;
  private Instant clock = Instant.parse("2020-08-07T12:00:00Z");

  @BeforeEach
  void start() {
    PolicywireConfig config = ConfigLoader.defaults(Map.of("POLICYWIRE_TOPIC_PREFIX", "t."))
        .withStateDir(stateDir);
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, EnrichedArticle> in = builder.stream("t.in",
        Consumed.with(AppSerdes.KEY, AppSerdes.ENRICHED_ARTICLE));
    ActionsStage.build(builder, in, config);
    driver = new TopologyTestDriver(builder.build(), StreamsSettings.properties(config));
    enriched = driver.createInputTopic("t.in", new StringSerializer(),
        AppSerdes.ENRICHED_ARTICLE.serializer());
    actions = driver.createOutputTopic("t.news.regulatory-actions", new StringDeserializer(),
        ActionsStage.ACTION.deserializer());
    alerts = driver.createOutputTopic("t.news.alerts", new StringDeserializer(),
        ActionsStage.ALERT.deserializer());
    rules = driver.createInputTopic("t.news.alert-rules", new StringSerializer(),
        ActionsStage.RULE.serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void publish(String articleId, String publishedAt, ActionMention... mentions) {
    clock = clock.plusSeconds(60);
    EnrichedArticle a = new EnrichedArticle(1, articleId, null, "src", "t", publishedAt, "en",
        "text", null, List.of(), List.of(), List.of(mentions),
        new Dedup("s-" + articleId, articleId, null, 0, Dedup.NONE));
    enriched.pipeInput(articleId, a, clock);
  }

  private static ActionMention order(String date, String status, String evidence) {
    return new ActionMention(ORDER, "EXECUTIVE_ORDER", "person:donald-trump",
        List.of("org:tiktok"), "US", date, evidence, status, null);
  }

  @Test
  void shouldMergeThreeReportsAndABackgroundMentionIntoOneRecordWithOneAlert() {
    publish("a1", "2020-08-07T12:00:00Z", order("2020-08-06", "ENACTED", "Trump signed it."));
    publish("a2", "2020-08-07T15:00:00Z", order(null, "ENACTED", "The order bans TikTok."));
    publish("a3", "2020-08-17T18:00:00Z", order("2020-08-07", "ENACTED", "Ten days ago..."));
    publish("a4", "2022-09-26T20:00:00Z", order("2020-08", "ENACTED", "Back in August 2020"));

    Map<String, RegulatoryAction> table = actions.readKeyValuesToMap();
    assertThat(table).containsOnlyKeys(ORDER);
    RegulatoryAction record = table.get(ORDER);
    assertThat(record.articleIds()).containsExactly("a1", "a2", "a3", "a4");
    assertThat(record.date()).isEqualTo("2020-08-06");
    assertThat(record.status()).isEqualTo("ENACTED");
    assertThat(record.firstSeen()).isEqualTo("2020-08-07T12:00:00Z");
    assertThat(record.lastSeen()).isEqualTo("2022-09-26T20:00:00Z");
    assertThat(record.evidence()).hasSize(4);

    List<KeyValue<String, Alert>> sent = alerts.readKeyValuesToList();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).key).isEqualTo(ORDER);
    assertThat(sent.get(0).value.reason()).isEqualTo(Alert.NEW);
    assertThat(sent.get(0).value.articleId()).isEqualTo("a1");
    assertThat(sent.get(0).value.background()).isFalse();
  }

  @Test
  void shouldAlertAgainOnlyWhenTheStatusMovesForward() {
    publish("a1", "2020-08-03T12:00:00Z", order(null, "PROPOSED", "Trump promised a ban."));
    publish("a2", "2020-08-07T12:00:00Z", order("2020-08-06", "ENACTED", "Trump signed it."));
    ActionMention revocation = new ActionMention(REVOCATION, "REVOCATION", "person:joe-biden",
        List.of("org:tiktok"), "US", "2021-06", "Biden revoked that ban.", "ENACTED", ORDER);
    publish("a3", "2022-09-26T20:00:00Z", order("2020-08", "REVOKED", "Biden revoked that ban."),
        revocation);
    publish("a4", "2022-10-01T20:00:00Z", order("2020-08", "ENACTED", "Trump issued an order."));

    List<KeyValue<String, Alert>> sent = alerts.readKeyValuesToList();
    assertThat(sent).extracting(kv -> kv.key + " " + kv.value.reason() + " "
        + kv.value.previousStatus() + "->" + kv.value.status()).containsExactly(
        ORDER + " NEW null->PROPOSED",
        ORDER + " STATUS_CHANGE PROPOSED->ENACTED",
        ORDER + " STATUS_CHANGE ENACTED->REVOKED",
        REVOCATION + " NEW null->ENACTED");
    assertThat(sent.get(2).value.background()).as("reported two years on").isTrue();
    Map<String, RegulatoryAction> table = actions.readKeyValuesToMap();
    assertThat(table.get(ORDER).status()).as("a later 'issued' does not undo it")
        .isEqualTo("REVOKED");
    assertThat(table.get(REVOCATION).affects()).isEqualTo(ORDER);
  }

  @Test
  void shouldWriteNothingWhenTheSameArticleIsDeliveredAgain() {
    publish("a1", "2020-08-07T12:00:00Z", order("2020-08-06", "ENACTED", "Trump signed it."));
    actions.readKeyValuesToList();
    alerts.readKeyValuesToList();
    publish("a1", "2020-08-07T12:00:00Z", order("2020-08-06", "ENACTED", "Trump signed it."));
    assertThat(actions.isEmpty()).isTrue();
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldKeepAlertedIdsInTheNamedStore() {
    publish("a1", "2020-08-07T12:00:00Z", order("2020-08-06", "ENACTED", "Trump signed it."));
    KeyValueStore<String, String> alerted = driver.getKeyValueStore(ActionsStage.ALERTED);
    assertThat(alerted.get(ORDER)).isEqualTo("ENACTED");
    KeyValueStore<String, RegulatoryAction> store = driver.getKeyValueStore(ActionsStage.STORE);
    assertThat(store.get(ORDER).articleIds()).containsExactly("a1");
  }

  @Test
  void shouldListTheRulesEachAlertMatchesAsTheRulesStandWhenItIsSent() {
    rules.pipeInput("us-orders", new AlertRule("us-orders", "desk", List.of("US"),
        List.of("EXECUTIVE_ORDER", "BAN"), List.of(), null, null), clock);
    rules.pipeInput("china", new AlertRule("china", "desk", List.of("CN"), List.of(),
        List.of(), null, null), clock);
    rules.pipeInput("tiktok-all", new AlertRule("tiktok-all", "fund", List.of(), List.of(),
        List.of("org:tiktok"), false, true), clock);
    publish("a1", "2020-08-03T12:00:00Z", order(null, "PROPOSED", "Trump promised a ban."));
    rules.pipeInput("us-orders", null, clock); // the subscriber drops the rule
    publish("a2", "2020-08-07T12:00:00Z", order("2020-08-06", "ENACTED", "Trump signed it."));

    List<Alert> sent = alerts.readValuesToList();
    assertThat(sent).extracting(Alert::reason).containsExactly(Alert.NEW, Alert.STATUS_CHANGE);
    assertThat(sent.get(0).rules()).containsExactlyInAnyOrder("us-orders", "tiktok-all");
    assertThat(sent.get(1).rules()).as("rule deleted; status changes not wanted by tiktok-all")
        .isEmpty();
  }

  @Test
  void shouldWriteRecordsAlertsAndRulesThatConformToTheirSchemas() {
    AlertRule rule = new AlertRule("r1", "desk", List.of("US"), List.of("BAN"), List.of(),
        null, null, "https://hooks.example/r1");
    rules.pipeInput("r1", rule, clock);
    publish("a1", "2020-08-03T12:00:00Z", order(null, "PROPOSED", "Trump promised a ban."));
    publish("a2", "2022-09-26T20:00:00Z", order("2020-08", "REVOKED", "Biden revoked it."));
    List<String> violations = new java.util.ArrayList<>();
    violations.addAll(ContractSchemas.violations(TopicNames.ALERT_RULES,
        Json.MAPPER.valueToTree(rule)));
    actions.readValuesToList().forEach(v -> violations.addAll(
        ContractSchemas.violations(TopicNames.ACTIONS, Json.MAPPER.valueToTree(v))));
    List<Alert> sent = alerts.readValuesToList();
    assertThat(sent).hasSize(2);
    sent.forEach(v -> violations.addAll(
        ContractSchemas.violations(TopicNames.ALERTS, Json.MAPPER.valueToTree(v))));
    assertThat(violations).isEmpty();
  }

  @Test
  void shouldGiveTheSameDateWhateverOrderTheReportsArriveIn() {
    publish("a3", "2020-08-17T18:00:00Z", order("2020-08-07", "ENACTED", "Ten days ago..."));
    publish("a1", "2020-08-07T12:00:00Z", order("2020-08-06", "ENACTED", "On Thursday..."));
    publish("a4", "2022-09-26T20:00:00Z", order("2020-08", "ENACTED", "Back in August 2020"));
    assertThat(actions.readKeyValuesToMap().get(ORDER).date()).isEqualTo("2020-08-06");
  }

  @Test
  void shouldTakeARetractedArticleAndItsEvidenceOutOfTheRecord() {
    publish("a1", "2020-08-07T12:00:00Z", order("2020-08-06", "ENACTED", "Trump signed it."));
    publish("a2", "2020-08-08T12:00:00Z", order(null, "ENACTED", "A sentence to take down."));
    actions.readKeyValuesToList();
    clock = clock.plusSeconds(60);
    enriched.pipeInput("a2", null, clock); // retracted: a tombstone on the enriched topic

    RegulatoryAction record = actions.readKeyValuesToMap().get(ORDER);
    assertThat(record.articleIds()).containsExactly("a1");
    assertThat(record.evidence()).containsExactly("Trump signed it.");
    assertThat(alerts.readValuesToList()).hasSize(1);

    clock = clock.plusSeconds(60);
    enriched.pipeInput("a1", null, clock);
    List<KeyValue<String, RegulatoryAction>> last = actions.readKeyValuesToList();
    assertThat(last).singleElement().satisfies(kv -> {
      assertThat(kv.key).isEqualTo(ORDER);
      assertThat(kv.value).as("no report left: a tombstone").isNull();
    });
    assertThat(driver.<String, RegulatoryAction>getKeyValueStore(ActionsStage.STORE).get(ORDER))
        .isNull();
  }

  @Test
  void shouldWithdrawAnActionAnArticleNoLongerReportsWhenEnrichedAgain() {
    publish("a1", "2020-08-07T12:00:00Z", order("2020-08-06", "ENACTED", "Trump signed it."));
    publish("a2", "2020-08-08T12:00:00Z", order(null, "ENACTED", "Misread sentence."));
    actions.readKeyValuesToList();
    publish("a2", "2020-08-08T12:00:00Z"); // reprocessed by a better detector: no action
    assertThat(actions.readKeyValuesToMap().get(ORDER).articleIds()).containsExactly("a1");
  }

  @Test
  void shouldIgnoreArticlesWithoutActions() {
    publish("a1", "2020-08-07T12:00:00Z");
    assertThat(actions.isEmpty()).isTrue();
    assertThat(alerts.isEmpty()).isTrue();
  }
}
