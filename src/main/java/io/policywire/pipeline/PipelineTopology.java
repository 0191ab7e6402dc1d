package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;

/**
 * The pipeline, composed from its stages in data-flow order:
 * raw → normalize → dedupe → enriched → stories, with retractions (tombstones on raw) taken
 * out of enriched and stories. Topic names come from the config only.
 */
public final class PipelineTopology {

  private PipelineTopology() {}

  public static Topology build(PolicywireConfig config) {
    StreamsBuilder builder = new StreamsBuilder(
        new TopologyConfig(new StreamsConfig(StreamsSettings.properties(config))));
    NormalizeStage.Output normalized = NormalizeStage.build(builder, config);
    RetractStage.Output retractions = RetractStage.build(normalized.retractions());
    DedupeStage.Output dedupe =
        DedupeStage.build(builder, normalized.articles(), retractions, config);
    StoriesStage.build(builder, dedupe.storyUpdates(), config);
    return builder.build();
  }
}
