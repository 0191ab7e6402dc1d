package io.policywire.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One entry of a feed, as much as {@code produce} uses.
 *
 * @param key what identifies the item across polls and restarts: its guid or Atom id when that is
 *     an absolute URI, else its link, else the feed's URL with the guid
 * @param link the article page, absolute (null when the item has none)
 * @param publishedAt ISO-8601 instant (published, else updated), or null
 */
public record FeedItem(String key, String title, String link, String publishedAt, String author) {

  /** {@code "f"} and 16 hex digits of SHA-256 over the key: the same item, the same Kafka key. */
  public String articleId() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8));
      return "f" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
