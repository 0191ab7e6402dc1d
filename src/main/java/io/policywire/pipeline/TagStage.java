package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.model.AnnotatedArticle;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.serve.StageMetrics;
import io.policywire.tag.EntityTagger;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Tags each normalized article (key article id) with its entities, between normalize and dedupe:
 * the knowledge base (shipped, plus the files of {@code kb.extra}) and open-vocabulary names,
 * over the clean {@code text} only, so nothing comes from boilerplate normalize removed.
 * Stateless; the knowledge base is loaded once per instance and shared by its stream threads.
 */
final class TagStage {

  static final String ENTITIES = "tag-entities";

  private TagStage() {}

  static KStream<String, AnnotatedArticle> build(StreamsBuilder builder,
      KStream<String, NormalizedArticle> normalized, EntityTagger tagger, StageMetrics metrics) {
    return normalized.mapValues(article -> metrics.time(ENTITIES,
        () -> annotate(tagger, article)), Named.as(ENTITIES));
  }

  static EntityTagger tagger(PolicywireConfig config) {
    return EntityTagger.withExtraKnowledge(config.kbExtra());
  }

  /** The tag step itself, shared with the no-Kafka {@link Enricher}. */
  static AnnotatedArticle annotate(EntityTagger tagger, NormalizedArticle article) {
    return AnnotatedArticle.of(article).withEntities(tagger.tag(article.title(), article.text(),
        article.origin()));
  }
}
