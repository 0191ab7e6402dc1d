package io.policywire.dedupe;

import io.policywire.normalize.NormalizedArticle;
import java.time.Instant;

/** Builds the sketch of an article; an exact copy can reuse a known signature. */
public final class SketchFactory {

  private final Sketcher sketcher;

  public SketchFactory(Sketcher sketcher) {
    this.sketcher = sketcher;
  }

  /** The signature of a text and the number of distinct shingles it was computed from. */
  public record Signature(int shingles, byte[] signature) {}

  public Signature signature(String text) {
    long[] shingles = sketcher.shingles(text);
    return new Signature(shingles.length, sketcher.signature(shingles));
  }

  public Sketch sketch(NormalizedArticle article, String fingerprint, Signature signature,
      Instant seenAt) {
    return new Sketch(fingerprint, Sketch.eventTime(article, seenAt), signature.shingles(),
        signature.signature(), StoryCopy.of(article, seenAt));
  }
}
