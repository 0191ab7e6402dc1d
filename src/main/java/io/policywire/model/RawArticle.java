package io.policywire.model;

/**
 * An article as published to {@code news.articles.raw}. Every field but {@code body} is optional on
 * the wire; the normalize stage decides what a usable article is.
 *
 * @param publishedAt ISO-8601 text as received; parsed (and rejected when malformed) by normalize
 */
public record RawArticle(
    String id,
    String url,
    String source,
    String title,
    String body,
    String contentType,
    String publishedAt,
    String language) {

  public static final String TEXT_PLAIN = "text/plain";
  public static final String TEXT_HTML = "text/html";

  public RawArticle withId(String newId) {
    return new RawArticle(newId, url, source, title, body, contentType, publishedAt, language);
  }

  public RawArticle withMetadata(String newSource, String newPublishedAt) {
    return new RawArticle(id, url,
        source != null ? source : newSource, title, body, contentType,
        publishedAt != null ? publishedAt : newPublishedAt, language);
  }
}
