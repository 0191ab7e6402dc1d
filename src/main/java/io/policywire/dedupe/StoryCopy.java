package io.policywire.dedupe;

import io.policywire.model.EnrichedArticle;

/** What the stories stage needs of an enriched article: small, so repartitioning it is cheap. */
public record StoryCopy(String articleId, String title, String source, String publishedAt) {

  public static StoryCopy of(EnrichedArticle article) {
    return new StoryCopy(article.id(), article.title(), article.source(), article.publishedAt());
  }
}
