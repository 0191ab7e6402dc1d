package io.policywire.dedupe;

/**
 * A confirmed copy relation between the article being decided and an indexed one.
 *
 * @param copy the indexed article
 * @param eventTime the indexed article's event time (epoch millis)
 * @param similarity 1 for an exact copy, else the measure that confirmed it: estimated Jaccard,
 *     or estimated containment for a truncated copy
 * @param method {@code exact} or {@code minhash}
 */
public record Match(StoryCopy copy, long eventTime, double similarity, String method) {

  public String articleId() {
    return copy.articleId();
  }
}
