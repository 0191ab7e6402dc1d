package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.dedupe.BandProbe;
import io.policywire.dedupe.BandResult;
import io.policywire.dedupe.CopyMatcher;
import io.policywire.dedupe.DedupeSettings;
import io.policywire.dedupe.Match;
import io.policywire.dedupe.PendingArticle;
import io.policywire.dedupe.PendingDecision;
import io.policywire.dedupe.Sketch;
import io.policywire.dedupe.SketchFactory;
import io.policywire.dedupe.Sketcher;
import io.policywire.dedupe.StoryAssigner;
import io.policywire.dedupe.StoryUpdate;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.TopicSpec;
import io.policywire.kafka.TopicSpecs;
import io.policywire.model.AnnotatedArticle;
import io.policywire.model.EnrichedArticle;
import io.policywire.normalize.NormalizedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Wire-copy detection. Reads annotated articles (key article id; normalized, with what the
 * tagging stages found, which rides along untouched) and writes
 * {@code news.articles.enriched} (key article id, value enriched article with its {@code dedup}),
 * plus story updates (key story id) for the stories stage. Two hops, each a named repartition,
 * and the article itself crosses neither:
 * <ol>
 *   <li>in the task that read the article from the raw topic: word shingles and a MinHash
 *       signature; the article waits there ({@code dedupe-pending-articles}) and sends its sketch
 *       with its LSH bands, dealt into one record per partition ({@link BandProbe});</li>
 *   <li>by band: band i always goes to the same task, so every article sharing a band meets
 *       there, whatever partition its id hashed to; candidates within the window are confirmed
 *       (exact fingerprint, estimated Jaccard or containment) and the article indexed ({@code dedupe-band-index}, a window
 *       store on publication time, so state is bounded);</li>
 *   <li>back to the raw partition the article came from ({@link BackToArticle}): the bands'
 *       answers are gathered ({@code dedupe-pending-bands}) and, once all are in, the story is
 *       decided ({@link StoryAssigner}) and the article written.</li>
 * </ol>
 * Steps 1 and 3 share the pending articles, so they are one sub-topology reading the raw topic
 * and {@code dedupe-by-article}; Kafka Streams gives that repartition topic the raw topic's
 * partition count (it is computed from the upstream sources), which {@link BackToArticle}
 * relies on. Grouping the bands by partition sends 6 records per article through each hop with
 * 6 partitions, instead of 32 (one per band), each its own produce, fetch and pending update.
 */
final class DedupeStage {

  static final String SKETCH = "dedupe-sketch";
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

  /** The stage's outputs: the enriched articles, and each decision's story members. */
  record Output(KStream<String, EnrichedArticle> enriched,
      KStream<String, StoryUpdate> storyUpdates) {}

  /** The decision on one article: its enriched record and the members of its story. */
  private record Decided(EnrichedArticle article, StoryUpdate members) {}

  private DedupeStage() {}

  static DedupeSettings settings(PolicywireConfig config) {
    return DedupeSettings.defaults().withWindow(config.dedupeWindow(), config.dedupeGrace());
  }

  static Output build(StreamsBuilder builder, KStream<String, AnnotatedArticle> annotated,
      RetractStage.Output retractions, PolicywireConfig config) {
    DedupeSettings settings = settings(config);
    int groups = bandGroups(config);
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(BAND_INDEX, settings.retention(), settings.window(), true),
        AppSerdes.KEY, AppSerdes.SKETCH));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PENDING_ARTICLES), AppSerdes.KEY,
        AppSerdes.PENDING_ARTICLE));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PENDING_BANDS), AppSerdes.KEY,
        AppSerdes.PENDING_DECISION));

    KStream<String, Decided> decided = annotated
        .process(() -> new SketchProcessor(settings, groups), Named.as(SKETCH), PENDING_ARTICLES)
        .repartition(Repartitioned.with(AppSerdes.KEY, AppSerdes.BAND_PROBE).withName(BY_BAND)
            .withStreamPartitioner(new ByBandGroup()))
        .process(() -> new BandLookupProcessor(settings), Named.as(BAND_LOOKUP), BAND_INDEX)
        .repartition(Repartitioned.with(AppSerdes.KEY, AppSerdes.BAND_RESULT)
            .withName(BY_ARTICLE)
            .withStreamPartitioner(new BackToArticle()))
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

  /**
   * How many groups an article's bands are dealt into: the raw topic's partitions as declared in
   * topics/ (the band topic gets as many). Band i always goes to group i mod groups, so the value
   * must not change while the band index is kept; a cluster whose raw topic has another count
   * still works, with min(groups, partitions) band tasks busy.
   */
  static int bandGroups(PolicywireConfig config) {
    return TopicSpecs.fromClasspath(config.topics()).stream()
        .filter(spec -> spec.name().equals(config.topics().raw()))
        .mapToInt(TopicSpec::partitions).findFirst().orElse(1);
  }

  /** The key under which an article waits: its id and which delivery of it this is. */
  private static String pendingKey(String articleId, String delivery) {
    return articleId + "@" + delivery;
  }

  /** Sends a group of bands to the partition of the same number (modulo the partitions). */
  static final class ByBandGroup implements StreamPartitioner<String, BandProbe> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, BandProbe probe,
        int numPartitions) {
      return Optional.of(Set.of(probe.group() % numPartitions));
    }
  }

  /**
   * Sends each group's answer to the partition the article was read from, whatever its key
   * hashes to (a raw record's key need not be its article id, nor hashed the default way).
   */
  static final class BackToArticle implements StreamPartitioner<String, BandResult> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, BandResult result,
        int numPartitions) {
      if (result.partition() < 0) {
        return Optional.empty(); // read outside a topic partition: hash the key as usual
      }
      if (result.partition() >= numPartitions) {
        throw new IllegalStateException(topic + " has " + numPartitions + " partitions but an "
            + "article came from raw partition " + result.partition() + "; it must have as many "
            + "partitions as the raw topic (delete it and let Kafka Streams recreate it)");
      }
      return Optional.of(Set.of(result.partition()));
    }
  }

  /** Input key: article id. Output: one probe per group of bands (see {@link BandProbe}). */
  private static final class SketchProcessor
      implements Processor<String, AnnotatedArticle, String, BandProbe> {

    private final Sketcher sketcher;
    private final SketchFactory factory;
    private final int groups;
    private ProcessorContext<String, BandProbe> context;
    private KeyValueStore<String, PendingArticle> waiting;

    SketchProcessor(DedupeSettings settings, int groups) {
      this.sketcher = new Sketcher(settings);
      this.factory = new SketchFactory(sketcher);
      this.groups = groups;
    }

    @Override
    public void init(ProcessorContext<String, BandProbe> context) {
      this.context = context;
      this.waiting = context.getStateStore(PENDING_ARTICLES);
    }

    @Override
    public void process(Record<String, AnnotatedArticle> record) {
      AnnotatedArticle annotated = record.value();
      NormalizedArticle article = annotated.article();
      Instant seenAt = Instant.ofEpochMilli(record.timestamp());
      Sketch sketch = factory.sketch(article, seenAt);
      Optional<RecordMetadata> raw = context.recordMetadata();
      int partition = raw.map(RecordMetadata::partition).orElse(-1);
      String delivery = raw.map(m -> m.partition() + "-" + m.offset())
          .orElse(String.valueOf(record.timestamp()));
      waiting.put(pendingKey(article.id(), delivery),
          new PendingArticle(annotated, sketch, Lineage.toMap(record.headers())));
      List<String> keys = sketcher.bandKeys(sketch.signature(), sketch.shingles());
      // the probes are small and several: lineage stays with the waiting article
      Record<String, AnnotatedArticle> probe = record.withHeaders(new RecordHeaders());
      if (keys.isEmpty()) {
        context.forward(probe.withKey(article.id()).withValue(new BandProbe(0,
            List.of(new BandProbe.Band(0, "solo-" + article.id())), 1, false, sketch, partition,
            delivery)));
        return;
      }
      List<List<BandProbe.Band>> dealt = new ArrayList<>();
      for (int group = 0; group < Math.min(groups, keys.size()); group++) {
        dealt.add(new ArrayList<>());
      }
      for (int band = 0; band < keys.size(); band++) {
        dealt.get(band % dealt.size()).add(new BandProbe.Band(band, keys.get(band)));
      }
      for (int group = 0; group < dealt.size(); group++) {
        context.forward(probe.withKey(article.id()).withValue(new BandProbe(group,
            dealt.get(group), keys.size(), true, sketch, partition, delivery)));
      }
    }
  }

  /** Input: a group of bands of an article. Output key: article id, one result per group. */
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
      // one object for every band: the store's serde writes it once (see JacksonSerde)
      Sketch forIndex = probe.indexed() ? sketch.forIndex() : null;
      Map<String, Match> matches = new LinkedHashMap<>();
      List<Integer> answered = new ArrayList<>(probe.bands().size());
      for (BandProbe.Band band : probe.bands()) {
        if (probe.indexed()) {
          lookUp(band.key(), sketch, forIndex, matches);
        }
        answered.add(band.index());
      }
      context.forward(record.withKey(sketch.articleId()).withValue(new BandResult(answered,
          probe.bandCount(), new ArrayList<>(matches.values()), probe.partition(),
          probe.delivery())));
    }

    /** Confirms the candidates sharing one band with the article, then indexes the article. */
    private void lookUp(String bandKey, Sketch sketch, Sketch forIndex,
        Map<String, Match> matches) {
      long window = settings.window().toMillis();
      boolean known = false;
      try (WindowStoreIterator<Sketch> it = index.fetch(bandKey,
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
        index.put(bandKey, forIndex, sketch.eventTime());
      }
    }
  }

  /**
   * Input and output key: article id. Decides once every band has answered; answers are
   * gathered per delivery of the article, which waits in this task since its sketch was made.
   */
  private static final class DecideProcessor
      implements Processor<String, BandResult, String, Decided> {

    private ProcessorContext<String, Decided> context;
    private KeyValueStore<String, PendingArticle> waiting;
    private KeyValueStore<String, PendingDecision> pending;

    @Override
    public void init(ProcessorContext<String, Decided> context) {
      this.context = context;
      this.waiting = context.getStateStore(PENDING_ARTICLES);
      this.pending = context.getStateStore(PENDING_BANDS);
    }

    @Override
    public void process(Record<String, BandResult> record) {
      BandResult result = record.value();
      String id = pendingKey(record.key(), result.delivery());
      PendingDecision state = pending.get(id);
      state = (state == null ? PendingDecision.start(result.bandCount()) : state).with(result);
      if (!state.complete()) {
        pending.put(id, state);
        return;
      }
      // read the article only now: it is the largest value of the pipeline
      PendingArticle article = waiting.get(id);
      pending.delete(id);
      if (article == null) {
        return; // this delivery was decided already (a replayed answer)
      }
      waiting.delete(id);
      StoryAssigner.Decision decision = StoryAssigner.decide(article.sketch(), state.matches());
      context.forward(record.withHeaders(Lineage.fromMap(article.lineage())).withValue(
          new Decided(Enrichment.of(article.article(), decision.dedup()), decision.members())));
    }
  }
}
