package io.policywire.dedupe;

import io.policywire.normalize.NormalizedArticle;
import java.time.Instant;

/**
 * What the band index keeps of an article: its exact fingerprint, its MinHash signature and
 * shingle count, the time the retention window is measured on, and the article as a story lists
 * it.
 *
 * @param eventTime epoch millis: the publication time, or the time first seen when that is
 *     unknown or later (a future date would otherwise push every other article out of the window)
 */
public record Sketch(String fingerprint, long eventTime, int shingles, byte[] signature,
    StoryCopy copy) {

  public String articleId() {
    return copy.articleId();
  }

  /** The sketch as the band index keeps it (see {@link StoryCopy#withoutTitle}). */
  public Sketch forIndex() {
    return new Sketch(fingerprint, eventTime, shingles, signature, copy.withoutTitle());
  }

  public static long eventTime(NormalizedArticle article, Instant seenAt) {
    if (article.publishedAt() == null) {
      return seenAt.toEpochMilli();
    }
    return Math.min(Instant.parse(article.publishedAt()).toEpochMilli(), seenAt.toEpochMilli());
  }

  /** Canonical order: earliest published first, then the smaller article id. */
  static int compareCanonical(long timeA, String idA, long timeB, String idB) {
    int byTime = Long.compare(timeA, timeB);
    return byTime != 0 ? byTime : idA.compareTo(idB);
  }
}
