package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.dedupe.ContentFingerprint;
import io.policywire.dedupe.ExactDeduplicator;
import io.policywire.dedupe.FingerprintEntry;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.Dedup;
import io.policywire.model.EnrichedArticle;
import io.policywire.normalize.NormalizedArticle;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Exact de-duplication. Repartitions normalized articles by content fingerprint, so that every
 * copy of a text meets the same index whatever partition its article id hashed to, decides
 * story and canonical copy, and writes {@code news.articles.enriched} (key article id, value
 * enriched article).
 */
final class DedupeStage {

  static final String KEY_BY_FINGERPRINT = "dedupe-key-by-fingerprint";
  static final String REPARTITION = "dedupe-by-fingerprint";
  static final String DEDUPE = "dedupe-exact";
  static final String INDEX_STORE = "dedupe-exact-index";
  static final String SINK = "enriched-sink";

  private DedupeStage() {}

  static KStream<String, EnrichedArticle> build(StreamsBuilder builder,
      KStream<String, NormalizedArticle> normalized, PolicywireConfig config) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(INDEX_STORE), AppSerdes.KEY, AppSerdes.FINGERPRINT_ENTRY));
    KStream<String, EnrichedArticle> enriched = normalized
        .selectKey((id, article) -> ContentFingerprint.of(article.text()),
            Named.as(KEY_BY_FINGERPRINT))
        .repartition(Repartitioned.with(AppSerdes.KEY, AppSerdes.NORMALIZED_ARTICLE)
            .withName(REPARTITION))
        .process(ExactDedupeProcessor::new, Named.as(DEDUPE), INDEX_STORE);
    enriched.to(config.topics().enriched(),
        Produced.with(AppSerdes.KEY, AppSerdes.ENRICHED_ARTICLE).withName(SINK));
    return enriched;
  }

  /** Input key: fingerprint. Output key: article id. */
  private static final class ExactDedupeProcessor
      implements Processor<String, NormalizedArticle, String, EnrichedArticle> {

    private ProcessorContext<String, EnrichedArticle> context;
    private ExactDeduplicator deduplicator;

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
      this.context = context;
      KeyValueStore<String, FingerprintEntry> store = context.getStateStore(INDEX_STORE);
      this.deduplicator =
          new ExactDeduplicator(ExactDeduplicator.Index.of(store::get, store::put));
    }

    @Override
    public void process(Record<String, NormalizedArticle> record) {
      NormalizedArticle article = record.value();
      Dedup dedup = deduplicator.decide(record.key(), article);
      context.forward(record.withKey(article.id()).withValue(Enrichment.of(article, dedup)));
    }
  }
}
