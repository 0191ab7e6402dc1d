package io.policywire.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.EnrichedArticle;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Materializes the contract topics as queryable stores for the HTTP API. Reads only topics, never
 * another stage's streams, so serving depends on the record contract alone:
 * <ul>
 *   <li>{@code news.articles.enriched} → {@value #ARTICLES} (article id → enriched article), and
 *       {@value #ENTITY_ACTIVITY}: per entity id and hour (record time), the articles mentioning
 *       it and the stances towards it, repartitioned by entity id
 *       ({@value #ACTIVITY_REPARTITION}) and kept {@link #ACTIVITY_RETENTION};</li>
 *   <li>{@code news.stories} → {@value #STORIES} (story id → story, tombstones delete);</li>
 *   <li>{@code news.entities} → {@value #ENTITIES} (entity id → profile JSON);</li>
 *   <li>{@code news.regulatory-actions} → {@value #ACTIONS} and {@code news.alerts} →
 *       {@value #ALERTS} (action id → value JSON with first and last time seen).</li>
 * </ul>
 * It writes no topic. It also counts what leaves the pipeline ({@link StageMetrics}): enriched
 * articles, duplicates, entities and actions on them, alerts, and the latency from the raw
 * record's timestamp to its enriched record.
 */
public final class ServeStage {

  public static final String ARTICLES = "serve-articles";
  public static final String STORIES = "serve-stories";
  public static final String ENTITIES = "serve-entities";
  public static final String ENTITY_ACTIVITY = "serve-entity-activity";
  public static final String ACTIONS = "serve-actions";
  public static final String ALERTS = "serve-alerts";

  static final String ENRICHED_SOURCE = "serve-enriched-source";
  static final String COUNT_ENRICHED = "serve-count-enriched";
  static final String ARTICLES_TABLE = "serve-articles-table";
  static final String ENTITY_MENTIONS = "serve-entity-mentions";
  static final String ACTIVITY_REPARTITION = "serve-activity-by-entity";
  static final String ACTIVITY_AGGREGATE = "serve-activity-aggregate";
  static final String STORIES_SOURCE = "serve-stories-table";
  static final String ENTITIES_SOURCE = "serve-entities-table";
  static final String ACTIONS_SOURCE = "serve-actions-source";
  static final String ACTIONS_TABLE = "serve-actions-table";
  static final String ALERTS_SOURCE = "serve-alerts-source";
  static final String ALERTS_TABLE = "serve-alerts-table";

  public static final Duration ACTIVITY_WINDOW = Duration.ofHours(1);
  public static final Duration ACTIVITY_GRACE = Duration.ofDays(1);
  public static final Duration ACTIVITY_RETENTION = Duration.ofDays(30);

  public static final Serde<JsonNode> JSON = AppSerdes.JSON_TREE;

  private ServeStage() {}

  public static void build(StreamsBuilder builder, PolicywireConfig config, StageMetrics metrics) {
    KStream<String, EnrichedArticle> enriched = builder
        .stream(config.topics().enriched(), Consumed.with(AppSerdes.KEY, AppSerdes.ENRICHED_ARTICLE)
            .withName(ENRICHED_SOURCE))
        .processValues(() -> new CountEnriched(metrics), Named.as(COUNT_ENRICHED));
    enriched.toTable(Named.as(ARTICLES_TABLE),
        Materialized.<String, EnrichedArticle, KeyValueStore<Bytes, byte[]>>as(ARTICLES)
            .withKeySerde(AppSerdes.KEY).withValueSerde(AppSerdes.ENRICHED_ARTICLE));
    enriched
        .flatMap((id, article) -> article == null ? List.<KeyValue<String, EntityActivity>>of()
            : EntityActivity.of(article).stream().map(a -> KeyValue.pair(a.id(), a)).toList(),
            Named.as(ENTITY_MENTIONS))
        .groupByKey(Grouped.with(ACTIVITY_REPARTITION, AppSerdes.KEY, AppSerdes.ENTITY_ACTIVITY))
        .windowedBy(TimeWindows.ofSizeAndGrace(ACTIVITY_WINDOW, ACTIVITY_GRACE))
        .reduce(EntityActivity::plus, Named.as(ACTIVITY_AGGREGATE),
            Materialized.<String, EntityActivity, WindowStore<Bytes, byte[]>>as(ENTITY_ACTIVITY)
                .withKeySerde(AppSerdes.KEY).withValueSerde(AppSerdes.ENTITY_ACTIVITY)
                .withRetention(ACTIVITY_RETENTION));

    builder.table(config.topics().stories(),
        Consumed.with(AppSerdes.KEY, AppSerdes.STORY).withName(STORIES_SOURCE),
        Materialized.as(STORIES));
    builder.table(config.topics().entities(),
        Consumed.with(AppSerdes.KEY, JSON).withName(ENTITIES_SOURCE),
        Materialized.as(ENTITIES));

    timedTable(builder, config.topics().actions(), ACTIONS_SOURCE, ACTIONS_TABLE, ACTIONS, null);
    timedTable(builder, config.topics().alerts(), ALERTS_SOURCE, ALERTS_TABLE, ALERTS, metrics);
  }

  private static void timedTable(StreamsBuilder builder, String topic, String source,
      String processor, String store, StageMetrics countAlerts) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(store), AppSerdes.KEY, AppSerdes.TIMED));
    builder.stream(topic, Consumed.with(AppSerdes.KEY, JSON).withName(source))
        .process(() -> new TimedTable(store, countAlerts), Named.as(processor), store);
  }

  /** Keeps each key's latest value with the time it was first and last seen; null deletes. */
  private static final class TimedTable implements Processor<String, JsonNode, Void, Void> {

    private final String storeName;
    private final StageMetrics countAlerts;
    private KeyValueStore<String, Timed> store;

    TimedTable(String storeName, StageMetrics countAlerts) {
      this.storeName = storeName;
      this.countAlerts = countAlerts;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, JsonNode> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null || record.value().isNull()) {
        store.delete(record.key());
        return;
      }
      Timed current = store.get(record.key());
      store.put(record.key(), current == null
          ? new Timed(record.value(), record.timestamp(), record.timestamp())
          : current.next(record.value(), record.timestamp()));
      if (countAlerts != null) {
        countAlerts.alertSent();
      }
    }
  }

  /** Counts each enriched article and its latency since the raw record, and passes it on. */
  private static final class CountEnriched
      implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

    private final StageMetrics metrics;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;

    CountEnriched(StageMetrics metrics) {
      this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
      if (record.value() != null) {
        metrics.enriched(record.value());
        metrics.record("enrich",
            Duration.ofMillis(System.currentTimeMillis() - record.timestamp()));
      }
      context.forward(record);
    }
  }
}
