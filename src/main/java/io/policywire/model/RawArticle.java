package io.policywire.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article as published to {@code news.articles.raw}. Every field but {@code body} is optional on
 * the wire; the normalize stage decides what a usable article is.
 *
 * @param publishedAt ISO-8601 text as received; parsed (and rejected when malformed) by normalize
 * @param author the byline a feed gives (optional; left out of the JSON when null)
 */
public record RawArticle(
    String id,
    String url,
    String source,
    String title,
    String body,
    String contentType,
    String publishedAt,
    String language,
    @JsonInclude(JsonInclude.Include.NON_NULL) String author) {

  public static final String TEXT_PLAIN = "text/plain";
  public static final String TEXT_HTML = "text/html";

  /** An article without an author, as files and JSON lines give them. */
  public RawArticle(String id, String url, String source, String title, String body,
      String contentType, String publishedAt, String language) {
    this(id, url, source, title, body, contentType, publishedAt, language, null);
  }

  public RawArticle withId(String newId) {
    return new RawArticle(newId, url, source, title, body, contentType, publishedAt, language,
        author);
  }

  public RawArticle withMetadata(String newSource, String newPublishedAt) {
    return new RawArticle(id, url,
        source != null ? source : newSource, title, body, contentType,
        publishedAt != null ? publishedAt : newPublishedAt, language, author);
  }
}
