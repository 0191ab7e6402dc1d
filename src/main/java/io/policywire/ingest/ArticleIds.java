package io.policywire.ingest;

import io.policywire.model.RawArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids derived from content, for articles that arrive without one. The same source,
 * title and body always give the same id, so republishing a file gives the same Kafka key (and
 * the raw topic's consumers can treat it as the same article).
 */
public final class ArticleIds {

  /** Between the hashed fields, so that ("ab", "c") and ("a", "bc") differ. */
  private static final char SEPARATOR = '\u001f';

  private ArticleIds() {}

  /** {@code "a"} followed by the first 16 hex digits of SHA-256 over source, title and body. */
  public static String derive(String source, String title, String body) {
    String material = nullToEmpty(source) + SEPARATOR + nullToEmpty(title) + SEPARATOR
        + nullToEmpty(body);
    byte[] digest = sha256().digest(material.getBytes(StandardCharsets.UTF_8));
    return "a" + HexFormat.of().formatHex(digest, 0, 8);
  }

  /** The article itself when it has a non-blank id, else a copy with the derived id. */
  public static RawArticle ensureId(RawArticle article) {
    if (article.id() != null && !article.id().isBlank()) {
      return article;
    }
    return article.withId(derive(article.source(), article.title(), article.body()));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
