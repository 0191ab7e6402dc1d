package io.policywire.pipeline;

import io.policywire.model.Dedup;
import io.policywire.model.EnrichedArticle;
import io.policywire.normalize.NormalizedArticle;
import java.util.List;

/**
 * Assembles the enriched record of the contract from the stages' results. Entities, stances and
 * actions are empty lists until their stages land.
 */
final class Enrichment {

  private Enrichment() {}

  static EnrichedArticle of(NormalizedArticle a, Dedup dedup) {
    return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, a.id(), a.url(), a.source(),
        a.title(), a.publishedAt(), a.language(), a.text(), a.origin(), List.of(), List.of(), List.of(), dedup)
        .withPageMetadata(a.author(), a.canonicalUrl());
  }
}
