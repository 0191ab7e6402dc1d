package io.policywire.dedupe;

import io.policywire.normalize.NormalizedArticle;
import java.time.Instant;

/**
 * One article as a story lists it: small, so that band index entries and story updates carry it
 * cheaply.
 *
 * @param publishedAt ISO-8601 instant, or null when unknown
 * @param origin the agency or outlet the text credits ("AFP"), or null
 * @param seenAt when the pipeline first saw the article (its raw record's timestamp), ISO-8601;
 *     stands in for {@code publishedAt} when that is unknown
 */
public record StoryCopy(String articleId, String title, String source, String publishedAt,
    String origin, String seenAt) {

  public static StoryCopy of(NormalizedArticle article, Instant seenAt) {
    return new StoryCopy(article.id(), article.title(), article.source(), article.publishedAt(),
        article.origin(), seenAt.toString());
  }

  /**
   * The copy as the band index keeps it: no title, so that the index (and its changelog) holds
   * no text of the article, only hashes, ids and dates; see {@link #filledFrom}.
   */
  public StoryCopy withoutTitle() {
    return new StoryCopy(articleId, null, source, publishedAt, origin, seenAt);
  }

  /** This copy, with the title of {@code known} (the same article) when this one has none. */
  public StoryCopy filledFrom(StoryCopy known) {
    return title != null || known == null ? this
        : new StoryCopy(articleId, known.title(), source, publishedAt, origin, seenAt);
  }

  /** Publication time, else (or when that is later) the time first seen. */
  public Instant when() {
    if (publishedAt == null || seenAt == null) {
      return Instant.parse(publishedAt != null ? publishedAt : seenAt);
    }
    Instant published = Instant.parse(publishedAt);
    Instant seen = Instant.parse(seenAt);
    return published.isAfter(seen) ? seen : published;
  }
}
