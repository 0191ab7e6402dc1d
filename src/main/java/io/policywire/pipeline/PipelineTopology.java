package io.policywire.pipeline;

import io.policywire.actions.ActionsStage;
import io.policywire.config.PolicywireConfig;
import io.policywire.model.AnnotatedArticle;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The pipeline, composed from its stages in data-flow order:
 * raw → normalize → tag (entities, stances, actions) → dedupe → enriched → stories, and
 * enriched → entity profiles and regulatory actions with their alerts, with retractions
 * (tombstones on raw) taken out of enriched, stories, profiles and actions. Topic names come
 * from the config only.
 */
public final class PipelineTopology {

  private PipelineTopology() {}

  public static Topology build(PolicywireConfig config) {
    StreamsBuilder builder = new StreamsBuilder(
        new TopologyConfig(new StreamsConfig(StreamsSettings.properties(config))));
    NormalizeStage.Output normalized = NormalizeStage.build(builder, config);
    RetractStage.Output retractions = RetractStage.build(normalized.retractions());
    KStream<String, AnnotatedArticle> tagged = ActionsStage.detect(
        StanceStage.build(TagStage.build(builder, normalized.articles(), config)),
        Enricher.actionDetector(config));
    DedupeStage.Output dedupe = DedupeStage.build(builder, tagged, retractions, config);
    StoriesStage.build(builder, dedupe.storyUpdates(), config);
    EntityProfilesStage.build(builder, dedupe.enriched(), config);
    ActionsStage.build(builder, dedupe.enriched(), config);
    return builder.build();
  }
}
