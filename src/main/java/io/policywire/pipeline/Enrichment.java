package io.policywire.pipeline;

import io.policywire.model.AnnotatedArticle;
import io.policywire.model.Dedup;
import io.policywire.model.EnrichedArticle;
import io.policywire.normalize.NormalizedArticle;

/**
 * Assembles the enriched record of the contract from the stages' results: the normalized
 * article, what the tagging stages found in it, and the de-duplication decision.
 */
final class Enrichment {

  private Enrichment() {}

  static EnrichedArticle of(AnnotatedArticle annotated, Dedup dedup) {
    NormalizedArticle a = annotated.article();
    return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, a.id(), a.url(), a.source(),
        a.title(), a.publishedAt(), a.language(), a.text(), a.origin(), annotated.entities(),
        annotated.stances(), annotated.actions(), dedup)
        .withPageMetadata(a.author(), a.canonicalUrl());
  }

  static EnrichedArticle of(NormalizedArticle a, Dedup dedup) {
    return of(AnnotatedArticle.of(a), dedup);
  }
}
