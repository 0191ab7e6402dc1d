package io.policywire.pipeline;

import io.policywire.actions.ActionsStage;
import io.policywire.config.PolicywireConfig;
import io.policywire.model.AnnotatedArticle;
import io.policywire.serve.ServeStage;
import io.policywire.serve.StageMetrics;
import io.policywire.tag.EntityTagger;
import io.policywire.tag.KnowledgeBase;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The pipeline, composed from its stages in data-flow order:
 * raw → normalize → tag (entities, stances, actions) → dedupe → enriched → stories, and
 * enriched → entity profiles and regulatory actions with their alerts, with retractions
 * (tombstones on raw) taken out of enriched, stories, profiles and actions; then the serving
 * stores over the output topics. Topic names come from the config only; every stage counts
 * into one {@link StageMetrics}.
 */
public final class PipelineTopology {

  private PipelineTopology() {}

  public static Topology build(PolicywireConfig config) {
    return build(config, StageMetrics.noop());
  }

  public static Topology build(PolicywireConfig config, StageMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder(
        new TopologyConfig(new StreamsConfig(StreamsSettings.properties(config))));
    // one tagger, one knowledge base: tagging, actions, profiles and lineage all use it
    EntityTagger tagger = TagStage.tagger(config);
    KnowledgeBase kb = tagger.knowledgeBase();
    NormalizeStage.Output normalized =
        NormalizeStage.build(builder, config, Lineage.of(config, kb), metrics);
    RetractStage.Output retractions = RetractStage.build(normalized.retractions());
    KStream<String, AnnotatedArticle> tagged = ActionsStage.detect(
        StanceStage.build(TagStage.build(builder, normalized.articles(), tagger, metrics), metrics),
        Enricher.actionDetector(kb), metrics);
    DedupeStage.Output dedupe = DedupeStage.build(builder, tagged, retractions, config);
    StoriesStage.build(builder, dedupe.storyUpdates(), config);
    EntityProfilesStage.build(builder, dedupe.enriched(), kb, config);
    ActionsStage.build(builder, dedupe.enriched(), config);
    ServeStage.build(builder, config, metrics);
    return builder.build();
  }
}
