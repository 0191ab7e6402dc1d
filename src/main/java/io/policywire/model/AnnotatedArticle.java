package io.policywire.model;

import io.policywire.normalize.NormalizedArticle;
import java.util.List;

/**
 * An article between the tagging stages and de-duplication: the normalized article and what the
 * stages found in it so far. It travels through the pipeline's internal topics only; the
 * enriched record of the contract is assembled from it once the story is decided.
 */
public record AnnotatedArticle(
    NormalizedArticle article,
    List<EntityMention> entities,
    List<StanceTag> stances,
    List<ActionMention> actions) {

  public AnnotatedArticle {
    entities = entities == null ? List.of() : List.copyOf(entities);
    stances = stances == null ? List.of() : List.copyOf(stances);
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /** An article nothing has been found in yet. */
  public static AnnotatedArticle of(NormalizedArticle article) {
    return new AnnotatedArticle(article, List.of(), List.of(), List.of());
  }

  public AnnotatedArticle withEntities(List<EntityMention> found) {
    return new AnnotatedArticle(article, found, stances, actions);
  }

  public AnnotatedArticle withStances(List<StanceTag> found) {
    return new AnnotatedArticle(article, entities, found, actions);
  }

  public AnnotatedArticle withActions(List<ActionMention> found) {
    return new AnnotatedArticle(article, entities, stances, found);
  }
}
