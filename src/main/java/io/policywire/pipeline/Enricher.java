package io.policywire.pipeline;

import io.policywire.dedupe.DedupeSettings;
import io.policywire.dedupe.InMemoryDeduplicator;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.RawArticle;
import io.policywire.normalize.InvalidArticleException;
import io.policywire.normalize.Normalizer;
import java.time.Instant;

/**
 * The whole enrichment without Kafka, for {@code annotate} and evaluation harnesses: the same
 * stage classes the topology runs, with the de-duplication index in memory, so articles given
 * in one batch are de-duplicated against each other.
 */
public final class Enricher {

  private final Normalizer normalizer;
  private final InMemoryDeduplicator deduplicator;

  public Enricher(int maxArticleBytes) {
    this(maxArticleBytes, DedupeSettings.defaults());
  }

  public Enricher(int maxArticleBytes, DedupeSettings dedupe) {
    this.normalizer = new Normalizer(maxArticleBytes);
    this.deduplicator = new InMemoryDeduplicator(dedupe);
  }

  /** The enriched article, or {@link InvalidArticleException} saying why there is none. */
  public EnrichedArticle enrich(RawArticle raw) {
    var article = normalizer.normalize(raw);
    return Enrichment.of(article, deduplicator.decide(article, Instant.now()));
  }
}
