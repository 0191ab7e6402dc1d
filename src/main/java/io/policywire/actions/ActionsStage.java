package io.policywire.actions;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.ActionMention;
import io.policywire.model.Alert;
import io.policywire.model.AlertRule;
import io.policywire.model.AnnotatedArticle;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.RegulatoryAction;
import io.policywire.serve.StageMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Regulatory actions and alerts. Reads enriched articles (key article id) and sends each action
 * mention, keyed by action id (a retracted article's mentions withdrawn, from the index
 * {@code actions-by-article}), through {@code actions-by-action-id}, so every report of one
 * action meets in one task. There {@link ActionBook} merges it into the record kept in
 * {@code actions-store} and written to {@code news.regulatory-actions} (key action id, compacted),
 * and decides alerts against {@code actions-alerted} (action id → status last alerted): one to
 * {@code news.alerts} (key action id) when an action is first seen, one when its status moves on.
 * Both stores change in the task that writes the outputs, so under exactly-once a restart neither
 * repeats nor loses an alert. Each alert lists the subscribers' rules it matches, read from
 * {@code news.alert-rules} (key rule id) into the global store {@code alert-rules-store}.
 */
public final class ActionsStage {

  public static final String DETECT = "tag-actions";
  public static final String MENTIONS = "actions-mentions";
  public static final String REPARTITION = "actions-by-action-id";
  public static final String MERGE = "actions-merge";
  public static final String STORE = "actions-store";
  public static final String ALERTED = "actions-alerted";
  public static final String ARTICLE_INDEX = "actions-by-article";
  public static final String RECORDS = "actions-records";
  public static final String ALERTS = "actions-alerts";
  public static final String SINK = "actions-sink";
  public static final String ALERTS_SINK = "alerts-sink";
  public static final String RULES_SOURCE = "alert-rules";
  public static final String RULES_STORE = "alert-rules-store";
  public static final String MATCH_RULES = "alerts-match-rules";

  // the contract topics' serdes (JSON), also used by the alert tools; see AppSerdes
  public static final Serde<RegulatoryAction> ACTION = AppSerdes.REGULATORY_ACTION;
  public static final Serde<Alert> ALERT = AppSerdes.ALERT;
  public static final Serde<AlertRule> RULE = AppSerdes.ALERT_RULE;

  /** What one update produced: the changed record and/or an alert. */
  record Event(RegulatoryAction action, Alert alert) {}

  private ActionsStage() {}

  /**
   * The detection step of tagging (key article id): each annotated article gains the actions its
   * text reports, found by {@link ActionDetector} from the text and the entities tagged before.
   */
  public static KStream<String, AnnotatedArticle> detect(KStream<String, AnnotatedArticle> tagged,
      ActionDetector detector, StageMetrics metrics) {
    return tagged.mapValues(article -> metrics.time(DETECT, () -> detector.annotate(article)),
        Named.as(DETECT));
  }

  public static void build(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched,
      PolicywireConfig config) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE), AppSerdes.KEY, AppSerdes.ACTION_STATE));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ALERTED), AppSerdes.KEY, Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ARTICLE_INDEX), AppSerdes.KEY, AppSerdes.ARTICLE_ACTIONS));
    KStream<String, Event> events = enriched
        .process(MentionsProcessor::new, Named.as(MENTIONS), ARTICLE_INDEX)
        .repartition(Repartitioned.with(AppSerdes.KEY, AppSerdes.ACTION_UPDATE)
            .withName(REPARTITION))
        .process(MergeProcessor::new, Named.as(MERGE), STORE, ALERTED);
    events.flatMapValues(e -> e.action() == null && e.alert() != null
            ? List.<RegulatoryAction>of() : java.util.Collections.singletonList(e.action()),
            Named.as(RECORDS))
        .to(config.topics().actions(), Produced.with(AppSerdes.KEY, ACTION).withName(SINK));
    builder.addGlobalStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RULES_STORE), AppSerdes.KEY, RULE)
            .withLoggingDisabled(),
        config.topics().alertRules(),
        Consumed.with(AppSerdes.KEY, RULE).withName(RULES_SOURCE),
        RulesUpdater::new);
    events.flatMapValues(e -> e.alert() == null ? List.<Alert>of() : List.of(e.alert()),
            Named.as(ALERTS))
        .processValues(RuleMatcher::new, Named.as(MATCH_RULES))
        .to(config.topics().alerts(), Produced.with(AppSerdes.KEY, ALERT).withName(ALERTS_SINK));
  }

  /**
   * Input key: article id; output key: action id. Sends each mention of an article, and
   * withdraws what an article no longer reports: all of it when the article is retracted (a
   * tombstone), the actions it dropped when it is enriched again.
   */
  private static final class MentionsProcessor
      implements Processor<String, EnrichedArticle, String, ActionUpdate> {

    private ProcessorContext<String, ActionUpdate> context;
    private KeyValueStore<String, ArticleActions> index;

    @Override
    public void init(ProcessorContext<String, ActionUpdate> context) {
      this.context = context;
      this.index = context.getStateStore(ARTICLE_INDEX);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
      String articleId = record.key();
      if (articleId == null) {
        return;
      }
      ArticleActions before = index.get(articleId);
      EnrichedArticle article = record.value();
      List<ActionMention> now = article == null ? List.of() : article.actions();
      if (before != null) {
        for (ActionMention old : before.mentions()) {
          if (now.stream().noneMatch(m -> m.id().equals(old.id()))) {
            context.forward(record.withKey(old.id()).withValue(
                new ActionUpdate(articleId, before.publishedAt(), old, true)));
          }
        }
      }
      if (now.isEmpty()) {
        if (before != null) {
          index.delete(articleId);
        }
        return;
      }
      index.put(articleId, new ArticleActions(article.publishedAt(), now));
      for (KeyValue<String, ActionUpdate> u : updates(articleId, article)) {
        context.forward(record.withKey(u.key).withValue(u.value));
      }
    }
  }

  static List<KeyValue<String, ActionUpdate>> updates(String articleId, EnrichedArticle a) {
    List<KeyValue<String, ActionUpdate>> out = new ArrayList<>();
    if (a == null) {
      return out;
    }
    for (ActionMention m : a.actions()) {
      if (m.id() != null) {
        out.add(KeyValue.pair(m.id(), new ActionUpdate(a.id(), a.publishedAt(), m)));
      }
    }
    return out;
  }

  /** Keeps the global rules store in step with {@code news.alert-rules}; a tombstone deletes. */
  private static final class RulesUpdater implements Processor<String, AlertRule, Void, Void> {

    private KeyValueStore<String, AlertRule> rules;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      this.rules = context.getStateStore(RULES_STORE);
    }

    @Override
    public void process(Record<String, AlertRule> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null) {
        rules.delete(record.key());
      } else {
        rules.put(record.key(), record.value());
      }
    }
  }

  /**
   * Lists in each alert the rules it matches, as the rules stand when it is sent: the rules are
   * a global table, so a subscriber's change applies to the next alert, without a restart.
   */
  private static final class RuleMatcher implements FixedKeyProcessor<String, Alert, Alert> {

    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, AlertRule> rules;

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
      this.context = context;
      this.rules = context.getStateStore(RULES_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Alert> record) {
      Alert alert = record.value();
      List<String> matched = new ArrayList<>();
      try (KeyValueIterator<String, AlertRule> all = rules.all()) {
        while (all.hasNext()) {
          KeyValue<String, AlertRule> rule = all.next();
          if (rule.value != null && rule.value.matches(alert)) {
            matched.add(rule.key);
          }
        }
      }
      context.forward(record.withValue(alert.withRules(matched)));
    }
  }

  /** Input and output key: action id. */
  private static final class MergeProcessor
      implements Processor<String, ActionUpdate, String, Event> {

    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, RegulatoryAction> actions;
    private KeyValueStore<String, String> alerted;

    @Override
    public void init(ProcessorContext<String, Event> context) {
      this.context = context;
      this.actions = context.getStateStore(STORE);
      this.alerted = context.getStateStore(ALERTED);
    }

    @Override
    public void process(Record<String, ActionUpdate> record) {
      if (record.key() == null || record.value() == null) {
        return;
      }
      String id = record.key();
      String before = alerted.get(id);
      ActionBook.Outcome outcome = ActionBook.apply(actions.get(id), before, record.value());
      RegulatoryAction written = outcome.action();
      if (written != null && written.articleIds().isEmpty()) {
        actions.delete(id); // every report withdrawn: the record goes, a tombstone follows
        context.forward(record.withValue(new Event(null, null)));
        return;
      }
      if (written != null) {
        actions.put(id, written);
      }
      if (outcome.alertedStatus() != null && !outcome.alertedStatus().equals(before)) {
        alerted.put(id, outcome.alertedStatus());
      }
      if (outcome.action() != null || outcome.alert() != null) {
        context.forward(record.withValue(new Event(outcome.action(), outcome.alert())));
      }
    }
  }
}
