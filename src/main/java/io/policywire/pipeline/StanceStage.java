package io.policywire.pipeline;

import io.policywire.model.AnnotatedArticle;
import io.policywire.tag.stance.StanceAnalyzer;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Tags each article (key article id) with stances, right after its entities are found: who is
 * for or against whom, with the sentence it rests on ({@link StanceAnalyzer}, over the clean
 * text and the entity spans). Stateless, its own processor ({@value #STANCES}) so its cost shows
 * apart in the Streams metrics; {@link Enricher} runs the same {@link #annotate} without Kafka.
 */
final class StanceStage {

  static final String STANCES = "tag-stances";

  private static final StanceAnalyzer ANALYZER = new StanceAnalyzer();

  private StanceStage() {}

  static KStream<String, AnnotatedArticle> build(KStream<String, AnnotatedArticle> tagged) {
    return tagged.mapValues(StanceStage::annotate, Named.as(STANCES));
  }

  /** The stance step itself: the article with its {@code stances} filled. */
  static AnnotatedArticle annotate(AnnotatedArticle article) {
    return article.withStances(ANALYZER.analyze(article.article().text(), article.entities()));
  }
}
