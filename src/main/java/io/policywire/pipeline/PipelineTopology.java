package io.policywire.pipeline;

import io.policywire.actions.ActionsStage;
import io.policywire.config.PolicywireConfig;
import io.policywire.model.AnnotatedArticle;
import io.policywire.normalize.NormalizedArticle;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The pipeline, composed from its stages in data-flow order:
 * raw → normalize → tag → dedupe → enriched → stories, and enriched → entity profiles and
 * regulatory actions with their alerts. Topic names come from the config only.
 */
public final class PipelineTopology {

  private PipelineTopology() {}

  public static Topology build(PolicywireConfig config) {
    StreamsBuilder builder = new StreamsBuilder(
        new TopologyConfig(new StreamsConfig(StreamsSettings.properties(config))));
    KStream<String, NormalizedArticle> normalized = NormalizeStage.build(builder, config);
    KStream<String, AnnotatedArticle> tagged = ActionsStage.detect(
        TagStage.build(builder, normalized, config), Enricher.actionDetector(config));
    DedupeStage.Output dedupe = DedupeStage.build(builder, tagged, config);
    StoriesStage.build(builder, dedupe.storyUpdates(), config);
    EntityProfilesStage.build(builder, dedupe.enriched(), config);
    ActionsStage.build(builder, dedupe.enriched(), config);
    return builder.build();
  }
}
