package io.policywire.model;

import java.util.List;

/** The value of {@code news.articles.enriched}; field names are a public contract. */
public record EnrichedArticle(
    int schemaVersion,
    String id,
    String url,
    String source,
    String title,
    String publishedAt,
    String language,
    String text,
    String origin,
    List<EntityMention> entities,
    List<StanceTag> stances,
    List<ActionMention> actions,
    Dedup dedup) {

  public static final int SCHEMA_VERSION = 1;

  public EnrichedArticle {
    entities = entities == null ? List.of() : List.copyOf(entities);
    stances = stances == null ? List.of() : List.copyOf(stances);
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  public EnrichedArticle withDedup(Dedup newDedup) {
    return new EnrichedArticle(schemaVersion, id, url, source, title, publishedAt, language, text,
        origin, entities, stances, actions, newDedup);
  }
}
