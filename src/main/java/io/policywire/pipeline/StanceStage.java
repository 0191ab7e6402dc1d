package io.policywire.pipeline;

import io.policywire.model.AnnotatedArticle;
import io.policywire.serve.StageMetrics;
import io.policywire.tag.stance.StanceAnalyzer;
import java.util.List;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags each article (key article id) with stances, right after its entities are found: who is
 * for or against whom, with the sentence it rests on ({@link StanceAnalyzer}, over the clean
 * text and the entity spans). Stateless, its own processor ({@value #STANCES}) so its cost shows
 * apart in the Streams metrics; {@link Enricher} runs the same {@link #annotate} without Kafka.
 * Stances are a best-effort addition: should the analyzer fail on some text, the article goes on
 * with none (and a warning naming it) rather than to the dead-letter topic.
 */
final class StanceStage {

  static final String STANCES = "tag-stances";

  private static final Logger LOG = LoggerFactory.getLogger(StanceStage.class);
  private static final StanceAnalyzer ANALYZER = new StanceAnalyzer();

  private StanceStage() {}

  static KStream<String, AnnotatedArticle> build(KStream<String, AnnotatedArticle> tagged,
      StageMetrics metrics) {
    return tagged.mapValues(article -> metrics.time(STANCES, () -> annotate(article)),
        Named.as(STANCES));
  }

  /** The stance step itself: the article with its {@code stances} filled. */
  static AnnotatedArticle annotate(AnnotatedArticle article) {
    try {
      return article.withStances(ANALYZER.analyze(article.article().text(), article.entities()));
    } catch (RuntimeException e) {
      LOG.warn("stance analysis failed for article {}; it goes on without stances",
          article.article().id(), e);
      return article.withStances(List.of());
    }
  }
}
