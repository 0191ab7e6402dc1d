package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.JsonSerde;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityProfile;
import io.policywire.tag.EntitySighting;
import io.policywire.tag.ProfileState;
import java.util.List;
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
  static final String SINK = "entities-sink";

  private static final Serde<EntitySighting> SIGHTING = new JsonSerde<>(EntitySighting.class);
  private static final Serde<ProfileState> STATE = new JsonSerde<>(ProfileState.class);
  private static final Serde<EntityProfile> PROFILE = new JsonSerde<>(EntityProfile.class);

  private EntityProfilesStage() {}

  static void build(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched,
      PolicywireConfig config) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE), AppSerdes.KEY, STATE));
    enriched
        .process(SightingProcessor::new, Named.as(SIGHTINGS))
        .repartition(Repartitioned.with(AppSerdes.KEY, SIGHTING).withName(REPARTITION))
        .process(ProfileProcessor::new, Named.as(AGGREGATE), STORE)
        .to(config.topics().entities(), Produced.with(AppSerdes.KEY, PROFILE).withName(SINK));
  }

  /** Input key: article id. Output key: entity id, one sighting per entity named. */
  private static final class SightingProcessor
      implements Processor<String, EnrichedArticle, String, EntitySighting> {

    private ProcessorContext<String, EntitySighting> context;

    @Override
    public void init(ProcessorContext<String, EntitySighting> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
      if (record.value() == null) {
        return;
      }
      for (EntitySighting s : EntitySighting.of(record.value(), record.timestamp())) {
        context.forward(record.withKey(s.entityId()).withValue(s));
      }
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
      ProfileState before = state == null ? new ProfileState(null, List.of()) : state;
      ProfileState next = before.apply(record.value());
      if (next != before) {
        store.put(record.key(), next);
        context.forward(record.withValue(next.profile()));
      }
    }
  }
}
