package io.policywire.model;

import java.util.List;

/**
 * The value of {@code news.articles.enriched}; field names are a public contract.
 *
 * @param author the byline, from the feed, the page's metadata or a "By …" line (null if unknown)
 * @param canonicalUrl the page's own canonical URL, when it is HTML and names one (else null)
 */
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
    Dedup dedup,
    String author,
    String canonicalUrl) {

  public static final int SCHEMA_VERSION = 1;

  public EnrichedArticle {
    entities = entities == null ? List.of() : List.copyOf(entities);
    stances = stances == null ? List.of() : List.copyOf(stances);
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /** Without author and canonical URL, as the record was before normalize added them. */
  public EnrichedArticle(int schemaVersion, String id, String url, String source, String title,
      String publishedAt, String language, String text, String origin,
      List<EntityMention> entities, List<StanceTag> stances, List<ActionMention> actions,
      Dedup dedup) {
    this(schemaVersion, id, url, source, title, publishedAt, language, text, origin, entities,
        stances, actions, dedup, null, null);
  }

  public EnrichedArticle withDedup(Dedup newDedup) {
    return new EnrichedArticle(schemaVersion, id, url, source, title, publishedAt, language, text,
        origin, entities, stances, actions, newDedup, author, canonicalUrl);
  }

  /** The same article with the byline and canonical URL normalize found. */
  public EnrichedArticle withPageMetadata(String newAuthor, String newCanonicalUrl) {
    return new EnrichedArticle(schemaVersion, id, url, source, title, publishedAt, language, text,
        origin, entities, stances, actions, dedup, newAuthor, newCanonicalUrl);
  }
}
