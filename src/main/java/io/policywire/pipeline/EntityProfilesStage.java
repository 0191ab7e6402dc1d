package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.tag.ArticleSightings;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityProfile;
import io.policywire.tag.EntitySighting;
import io.policywire.tag.KnowledgeBase;
import io.policywire.tag.ProfileState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps one profile per entity on {@code news.entities} (compacted; key entity id, value
 * {@link EntityProfile}): article count, last seen, and the stances it received. Reads the
 * enriched articles (key article id), turns each into one sighting per entity it names (with
 * the stances the article's {@code stances} hold toward that entity as target), repartitions
 * them by entity id so one task owns each entity, and updates the profile in
 * {@code entities-store}; every update is written out, so the topic's latest record per key is
 * the profile as it stands.
 */
final class EntityProfilesStage {

  static final String SIGHTINGS = "entities-sightings";
  static final String REPARTITION = "entities-by-entity-id";
  static final String AGGREGATE = "entities-aggregate";
  static final String STORE = "entities-store";
  static final String ARTICLE_SIGHTINGS = "entities-article-sightings";
  static final String SINK = "entities-sink";

  private static final Duration EXPIRY_SCAN = Duration.ofHours(6);

  private EntityProfilesStage() {}

  static void build(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched,
      KnowledgeBase kb, PolicywireConfig config) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE), AppSerdes.KEY, AppSerdes.PROFILE_STATE));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ARTICLE_SIGHTINGS), AppSerdes.KEY,
        AppSerdes.ARTICLE_SIGHTINGS));
    Map<String, List<String>> formerIds = formerIds(kb);
    enriched
        .process(() -> new SightingProcessor(formerIds), Named.as(SIGHTINGS), ARTICLE_SIGHTINGS)
        .repartition(Repartitioned.with(AppSerdes.KEY, AppSerdes.ENTITY_SIGHTING)
            .withName(REPARTITION))
        .process(ProfileProcessor::new, Named.as(AGGREGATE), STORE)
        .to(config.topics().entities(),
            Produced.with(AppSerdes.KEY, AppSerdes.ENTITY_PROFILE).withName(SINK));
  }

  /** Entity id to the ids it had before a rename or merge, for the entities that had any. */
  static Map<String, List<String>> formerIds(KnowledgeBase kb) {
    Map<String, List<String>> former = new HashMap<>();
    kb.entities().stream().filter(e -> !e.formerly().isEmpty())
        .forEach(e -> former.put(e.id(), e.formerly()));
    return former;
  }

  /**
   * Input key: article id. Output key: entity id, one sighting per entity named; the sightings an
   * article contributed before are taken back first (it was retracted, or re-enriched), and a
   * renamed entity's former ids are told where it went.
   */
  private static final class SightingProcessor
      implements Processor<String, EnrichedArticle, String, EntitySighting> {

    private final Map<String, List<String>> formerIds;
    private ProcessorContext<String, EntitySighting> context;
    private KeyValueStore<String, ArticleSightings> counted;

    SightingProcessor(Map<String, List<String>> formerIds) {
      this.formerIds = formerIds;
    }

    @Override
    public void init(ProcessorContext<String, EntitySighting> context) {
      this.context = context;
      this.counted = context.getStateStore(ARTICLE_SIGHTINGS);
      context.schedule(EXPIRY_SCAN, PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
      ArticleSightings before = counted.get(record.key());
      List<EntitySighting> now = record.value() == null ? List.of()
          : EntitySighting.of(record.value(), record.timestamp());
      if (before != null && !before.sightings().equals(now)) {
        before.sightings().forEach(s -> emit(record, s.retraction()));
      } else if (before != null) {
        return; // delivered again, unchanged: already counted
      }
      for (EntitySighting s : now) {
        emit(record, s);
        for (String old : formerIds.getOrDefault(s.entityId(), List.of())) {
          emit(record, s.aliasAt(old));
        }
      }
      if (now.isEmpty()) {
        counted.delete(record.key());
      } else {
        counted.put(record.key(), new ArticleSightings(record.timestamp(), now));
      }
    }

    private void emit(Record<String, EnrichedArticle> record, EntitySighting s) {
      context.forward(record.withKey(s.entityId()).withValue(s));
    }

    /** Articles counted longer ago than re-enrichment can reach are forgotten here. */
    private void expire(long streamTime) {
      long cutoff = streamTime - EmitOnChange.HORIZON.toMillis();
      StoreScan.keysWhere(counted, a -> a.at() < cutoff).forEach(counted::delete);
    }
  }

  /** Applies each sighting to its entity's stored state and emits the profile if it changed. */
  private static final class ProfileProcessor
      implements Processor<String, EntitySighting, String, EntityProfile> {

    private ProcessorContext<String, EntityProfile> context;
    private KeyValueStore<String, ProfileState> store;

    @Override
    public void init(ProcessorContext<String, EntityProfile> context) {
      this.context = context;
      this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, EntitySighting> record) {
      ProfileState state = store.get(record.key());
      ProfileState before = state == null ? new ProfileState(null) : state;
      ProfileState next = before.apply(record.value());
      if (next != before) {
        store.put(record.key(), next);
        context.forward(record.withValue(next.profile()));
      }
    }
  }
}
