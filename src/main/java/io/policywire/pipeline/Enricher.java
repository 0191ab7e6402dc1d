package io.policywire.pipeline;

import io.policywire.actions.ActionDetector;
import io.policywire.actions.EntityDirectory;
import io.policywire.config.PolicywireConfig;
import io.policywire.dedupe.DedupeSettings;
import io.policywire.dedupe.InMemoryDeduplicator;
import io.policywire.model.AnnotatedArticle;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.RawArticle;
import io.policywire.normalize.InvalidArticleException;
import io.policywire.normalize.Normalizer;
import io.policywire.tag.EntityTagger;
import io.policywire.tag.KnowledgeBase;
import java.time.Instant;

/**
 * The whole enrichment without Kafka, for {@code annotate} and evaluation harnesses: the same
 * stage classes the topology runs, with the de-duplication index in memory, so articles given
 * in one batch are de-duplicated against each other.
 */
public final class Enricher {

  private final Normalizer normalizer;
  private final EntityTagger tagger;
  private final InMemoryDeduplicator deduplicator;
  private final ActionDetector actions;

  public Enricher(int maxArticleBytes) {
    this(maxArticleBytes, DedupeSettings.defaults());
  }

  public Enricher(int maxArticleBytes, DedupeSettings dedupe) {
    this(maxArticleBytes, dedupe, EntityTagger.defaults());
  }

  /** With the tagger of a config ({@code kb.extra}), as the pipeline would run it. */
  public Enricher(PolicywireConfig config) {
    this(config.maxArticleBytes(), DedupeStage.settings(config), TagStage.tagger(config));
  }

  private Enricher(int maxArticleBytes, DedupeSettings dedupe, EntityTagger tagger) {
    this.normalizer = new Normalizer(maxArticleBytes);
    this.tagger = tagger;
    this.deduplicator = new InMemoryDeduplicator(dedupe);
    this.actions = actionDetector(tagger.knowledgeBase());
  }

  /** The action detector over the knowledge base the tagger uses. */
  static ActionDetector actionDetector(KnowledgeBase kb) {
    return new ActionDetector(EntityDirectory.of(kb));
  }

  /** The enriched article, or {@link InvalidArticleException} saying why there is none. */
  public EnrichedArticle enrich(RawArticle raw) {
    var article = normalizer.normalize(raw);
    AnnotatedArticle annotated =
        actions.annotate(StanceStage.annotate(TagStage.annotate(tagger, article)));
    return Enrichment.of(annotated, deduplicator.decide(article, Instant.now()));
  }
}
