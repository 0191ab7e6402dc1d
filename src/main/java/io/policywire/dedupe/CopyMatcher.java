package io.policywire.dedupe;

import io.policywire.model.Dedup;

/**
 * Confirms or rejects a candidate pair found by LSH banding. Equal fingerprints are an exact copy
 * without looking further. Otherwise the pair is a copy when the estimated Jaccard similarity of
 * their shingle sets reaches {@code minJaccard}, or when the smaller text is contained in the
 * larger to {@code minContainment} (a truncated copy, or one with boilerplate added). Both
 * articles must be published within the window of each other.
 */
public final class CopyMatcher {

  private final Sketcher sketcher;
  private final DedupeSettings settings;

  public CopyMatcher(Sketcher sketcher) {
    this.sketcher = sketcher;
    this.settings = sketcher.settings();
  }

  /** The match of {@code indexed} as seen from {@code article}, or null when not a copy. */
  public Match confirm(Sketch article, Sketch indexed) {
    if (Math.abs(article.eventTime() - indexed.eventTime()) > settings.window().toMillis()) {
      return null;
    }
    if (article.fingerprint().equals(indexed.fingerprint())) {
      return new Match(indexed.copy(), indexed.eventTime(), 1.0, Dedup.EXACT);
    }
    double jaccard = sketcher.jaccard(article.signature(), indexed.signature());
    if (jaccard >= settings.minJaccard()) {
      return new Match(indexed.copy(), indexed.eventTime(), jaccard, Dedup.MINHASH);
    }
    double containment = Sketcher.containment(jaccard, article.shingles(), indexed.shingles());
    if (containment >= settings.minContainment()
        && Math.min(article.shingles(), indexed.shingles()) >= settings.minContainmentShingles()) {
      return new Match(indexed.copy(), indexed.eventTime(), containment, Dedup.MINHASH);
    }
    return null;
  }
}
