package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.dedupe.BandProbe;
import io.policywire.dedupe.BandResult;
import io.policywire.dedupe.ContentFingerprint;
import io.policywire.dedupe.CopyMatcher;
import io.policywire.dedupe.DedupeSettings;
import io.policywire.dedupe.Match;
import io.policywire.dedupe.PendingDecision;
import io.policywire.dedupe.Sketch;
import io.policywire.dedupe.SketchFactory;
import io.policywire.dedupe.Sketcher;
import io.policywire.dedupe.StoryAssigner;
import io.policywire.dedupe.StoryUpdate;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.JsonSerde;
import io.policywire.model.AnnotatedArticle;
import io.policywire.model.EnrichedArticle;
import io.policywire.normalize.NormalizedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
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
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Wire-copy detection. Reads annotated articles (key article id; normalized, with what the
 * tagging stages found, which rides along untouched) and writes
 * {@code news.articles.enriched} (key article id, value enriched article with its {@code dedup}),
 * plus story updates (key story id) for the stories stage. Three hops, each a named repartition:
 * <ol>
 *   <li>by exact fingerprint: an exact copy reuses the signature cached for its text
 *       ({@code dedupe-exact-index}); other texts get word shingles and a MinHash signature;
 *       each article then sends one probe per LSH band, keyed by band key;</li>
 *   <li>by band key: every article sharing a band meets in one task, whatever partition its id
 *       hashed to; candidates within the window are confirmed (exact fingerprint, estimated
 *       Jaccard or containment) and the article indexed ({@code dedupe-band-index}, a window
 *       store on publication time, so state is bounded);</li>
 *   <li>by article id: the bands' answers are gathered ({@code dedupe-pending-*}) and, once all
 *       are in, the story is decided ({@link StoryAssigner}) and the article written.</li>
 * </ol>
 */
final class DedupeStage {

  static final String KEY_BY_FINGERPRINT = "dedupe-key-by-fingerprint";
  static final String BY_FINGERPRINT = "dedupe-by-fingerprint";
  static final String SKETCH = "dedupe-sketch";
  static final String EXACT_INDEX = "dedupe-exact-index";
  static final String BY_BAND = "dedupe-by-band";
  static final String BAND_LOOKUP = "dedupe-band-lookup";
  static final String BAND_INDEX = "dedupe-band-index";
  static final String BY_ARTICLE = "dedupe-by-article";
  static final String DECIDE = "dedupe-decide";
  static final String PENDING_ARTICLES = "dedupe-pending-articles";
  static final String PENDING_BANDS = "dedupe-pending-bands";
  static final String TO_ENRICHED = "dedupe-enriched";
  static final String TO_STORY_UPDATES = "dedupe-story-updates";
  static final String WITH_RETRACTIONS = "dedupe-enriched-and-retractions";
  static final String STORY_UPDATES_WITH_RETRACTIONS = "dedupe-story-updates-and-retractions";
  static final String ENRICHED_WRITTEN = "enriched-written";
  static final String SINK = "enriched-sink";

  private static final Serde<SketchFactory.Signature> SIGNATURE =
      new JsonSerde<>(SketchFactory.Signature.class);
  private static final Serde<Sketch> SKETCH_SERDE = new JsonSerde<>(Sketch.class);
  private static final Serde<BandProbe> BAND_PROBE = new JsonSerde<>(BandProbe.class);
  private static final Serde<BandResult> BAND_RESULT = new JsonSerde<>(BandResult.class);
  private static final Serde<PendingDecision> PENDING = new JsonSerde<>(PendingDecision.class);
  private static final Serde<AnnotatedArticle> ANNOTATED_ARTICLE =
      new JsonSerde<>(AnnotatedArticle.class);

  /** The stage's outputs: the enriched articles, and each decision's story members. */
  record Output(KStream<String, EnrichedArticle> enriched,
      KStream<String, StoryUpdate> storyUpdates) {}

  /** The decision on one article: its enriched record and the members of its story. */
  private record Decided(EnrichedArticle article, StoryUpdate members) {}

  private DedupeStage() {}

  static DedupeSettings settings(PolicywireConfig config) {
    return DedupeSettings.defaults().withWindow(config.dedupeWindow(), config.dedupeGrace());
  }

  static Output build(StreamsBuilder builder, KStream<String, AnnotatedArticle> normalized,
      RetractStage.Output retractions, PolicywireConfig config) {
    DedupeSettings settings = settings(config);
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(EXACT_INDEX, settings.retention(), settings.window(), false),
        AppSerdes.KEY, SIGNATURE));
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(BAND_INDEX, settings.retention(), settings.window(), true),
        AppSerdes.KEY, SKETCH_SERDE));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PENDING_ARTICLES), AppSerdes.KEY, BAND_RESULT));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PENDING_BANDS), AppSerdes.KEY, PENDING));

    KStream<String, Decided> decided = normalized
        .selectKey((id, annotated) -> ContentFingerprint.of(annotated.article().text()),
            Named.as(KEY_BY_FINGERPRINT))
        .repartition(Repartitioned.with(AppSerdes.KEY, ANNOTATED_ARTICLE)
            .withName(BY_FINGERPRINT))
        .process(() -> new SketchProcessor(settings), Named.as(SKETCH), EXACT_INDEX)
        .repartition(Repartitioned.with(AppSerdes.KEY, BAND_PROBE).withName(BY_BAND))
        .process(() -> new BandLookupProcessor(settings), Named.as(BAND_LOOKUP), BAND_INDEX)
        .repartition(Repartitioned.with(AppSerdes.KEY, BAND_RESULT).withName(BY_ARTICLE))
        .process(DecideProcessor::new, Named.as(DECIDE), PENDING_ARTICLES, PENDING_BANDS);

    KStream<String, EnrichedArticle> enriched = EmitOnChange.filter(builder,
        decided.mapValues(Decided::article, Named.as(TO_ENRICHED))
            .merge(retractions.enriched(), Named.as(WITH_RETRACTIONS)), ENRICHED_WRITTEN,
        AppSerdes.ENRICHED_ARTICLE);
    enriched.to(config.topics().enriched(),
        Produced.with(AppSerdes.KEY, AppSerdes.ENRICHED_ARTICLE).withName(SINK));
    KStream<String, StoryUpdate> updates =
        decided.mapValues(Decided::members, Named.as(TO_STORY_UPDATES))
            .merge(retractions.storyUpdates(), Named.as(STORY_UPDATES_WITH_RETRACTIONS));
    return new Output(enriched, updates);
  }

  /** Input key: fingerprint. Output key: band key, one probe per band. */
  private static final class SketchProcessor
      implements Processor<String, AnnotatedArticle, String, BandProbe> {

    private final DedupeSettings settings;
    private final Sketcher sketcher;
    private final SketchFactory factory;
    private ProcessorContext<String, BandProbe> context;
    private WindowStore<String, SketchFactory.Signature> exactIndex;

    SketchProcessor(DedupeSettings settings) {
      this.settings = settings;
      this.sketcher = new Sketcher(settings);
      this.factory = new SketchFactory(sketcher);
    }

    @Override
    public void init(ProcessorContext<String, BandProbe> context) {
      this.context = context;
      this.exactIndex = context.getStateStore(EXACT_INDEX);
    }

    @Override
    public void process(Record<String, AnnotatedArticle> record) {
      AnnotatedArticle annotated = record.value();
      NormalizedArticle article = annotated.article();
      String fingerprint = record.key();
      Instant seenAt = Instant.ofEpochMilli(record.timestamp());
      long eventTime = Sketch.eventTime(article, seenAt);
      SketchFactory.Signature signature = cached(fingerprint, eventTime);
      if (signature == null) {
        signature = factory.signature(article.text());
        exactIndex.put(fingerprint, signature, eventTime);
      }
      Sketch sketch = factory.sketch(article, fingerprint, signature, seenAt);
      List<String> bands = sketcher.bandKeys(signature.signature(), signature.shingles());
      String delivery = context.recordMetadata()
          .map(m -> m.partition() + "-" + m.offset()).orElse(String.valueOf(record.timestamp()));
      if (bands.isEmpty()) {
        context.forward(record.withKey("solo-" + article.id())
            .withValue(new BandProbe(0, 1, false, sketch, annotated, delivery)));
        return;
      }
      for (int band = 0; band < bands.size(); band++) {
        Record<String, BandProbe> probe = record.withKey(bands.get(band)).withValue(new BandProbe(
            band, bands.size(), true, sketch, band == 0 ? annotated : null, delivery));
        context.forward(band == 0 ? probe : probe.withHeaders(new RecordHeaders()));
      }
    }

    private SketchFactory.Signature cached(String fingerprint, long eventTime) {
      long retention = settings.retention().toMillis();
      try (WindowStoreIterator<SketchFactory.Signature> it =
          exactIndex.fetch(fingerprint, eventTime - retention, eventTime + retention)) {
        return it.hasNext() ? it.next().value : null;
      }
    }
  }

  /** Input key: band key. Output key: article id, one result per band. */
  private static final class BandLookupProcessor
      implements Processor<String, BandProbe, String, BandResult> {

    private final DedupeSettings settings;
    private final CopyMatcher matcher;
    private ProcessorContext<String, BandResult> context;
    private WindowStore<String, Sketch> index;

    BandLookupProcessor(DedupeSettings settings) {
      this.settings = settings;
      this.matcher = new CopyMatcher(new Sketcher(settings));
    }

    @Override
    public void init(ProcessorContext<String, BandResult> context) {
      this.context = context;
      this.index = context.getStateStore(BAND_INDEX);
    }

    @Override
    public void process(Record<String, BandProbe> record) {
      BandProbe probe = record.value();
      Sketch sketch = probe.sketch();
      Map<String, Match> matches = new LinkedHashMap<>();
      boolean known = false;
      if (probe.indexed()) {
        long window = settings.window().toMillis();
        try (WindowStoreIterator<Sketch> it = index.fetch(record.key(),
            sketch.eventTime() - window, sketch.eventTime() + window)) {
          while (it.hasNext()) {
            Sketch indexed = it.next().value;
            if (indexed.articleId().equals(sketch.articleId())) {
              known = true;
            } else if (!matches.containsKey(indexed.articleId())) {
              Match match = matcher.confirm(sketch, indexed);
              if (match != null) {
                matches.put(indexed.articleId(), match);
              }
            }
          }
        }
        if (!known) {
          index.put(record.key(), sketch.forIndex(), sketch.eventTime());
        }
      }
      boolean first = probe.band() == 0;
      context.forward(record.withKey(sketch.articleId()).withValue(new BandResult(probe.band(),
          probe.bands(), new ArrayList<>(matches.values()), first ? sketch : null,
          first ? probe.article() : null, probe.delivery(), null)));
    }
  }

  /**
   * Input and output key: article id. Decides once every band has answered; answers are
   * gathered per delivery of the article.
   */
  private static final class DecideProcessor
      implements Processor<String, BandResult, String, Decided> {

    private ProcessorContext<String, Decided> context;
    private KeyValueStore<String, BandResult> articles;
    private KeyValueStore<String, PendingDecision> pending;

    @Override
    public void init(ProcessorContext<String, Decided> context) {
      this.context = context;
      this.articles = context.getStateStore(PENDING_ARTICLES);
      this.pending = context.getStateStore(PENDING_BANDS);
    }

    @Override
    public void process(Record<String, BandResult> record) {
      BandResult result = record.value();
      String id = record.key() + "@" + result.delivery();
      if (result.article() != null) {
        articles.put(id, result.withLineage(Lineage.toMap(record.headers())));
      }
      PendingDecision state = pending.get(id);
      state = (state == null ? PendingDecision.start(result.bands()) : state).with(result);
      BandResult first = articles.get(id);
      if (!state.complete() || first == null) {
        pending.put(id, state);
        return;
      }
      pending.delete(id);
      articles.delete(id);
      StoryAssigner.Decision decision = StoryAssigner.decide(first.sketch(), state.matches());
      context.forward(record.withHeaders(Lineage.fromMap(first.lineage())).withValue(new Decided(
          Enrichment.of(first.article(), decision.dedup()), decision.members())));
    }
  }
}
