package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.model.AnnotatedArticle;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The pipeline, composed from its stages in data-flow order:
 * raw → normalize → tag (entities, stances) → dedupe → enriched → stories, and enriched →
 * entity profiles, with retractions (tombstones on raw) taken out of enriched, stories and
 * profiles. Topic names come from the config only.
 */
public final class PipelineTopology {

  private PipelineTopology() {}

  public static Topology build(PolicywireConfig config) {
    StreamsBuilder builder = new StreamsBuilder(
        new TopologyConfig(new StreamsConfig(StreamsSettings.properties(config))));
    NormalizeStage.Output normalized = NormalizeStage.build(builder, config);
    RetractStage.Output retractions = RetractStage.build(normalized.retractions());
    KStream<String, AnnotatedArticle> tagged =
        StanceStage.build(TagStage.build(builder, normalized.articles(), config));
    DedupeStage.Output dedupe = DedupeStage.build(builder, tagged, retractions, config);
    StoriesStage.build(builder, dedupe.storyUpdates(), config);
    EntityProfilesStage.build(builder, dedupe.enriched(), config);
    return builder.build();
  }
}
