package io.policywire.dedupe;

import io.policywire.model.AnnotatedArticle;
import java.util.Map;

/**
 * An article waiting for its bands' answers, kept in the task that read it from the raw topic so
 * that the article (the largest record of the pipeline) crosses no repartition topic.
 *
 * @param lineage the article's lineage headers, put back on its enriched record
 */
public record PendingArticle(AnnotatedArticle article, Sketch sketch,
    Map<String, String> lineage) {

  public PendingArticle {
    lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
  }
}
