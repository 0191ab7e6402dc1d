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

  /** The signature of a text already {@linkplain ContentFingerprint#fold folded}. */
  Signature signatureOfFolded(String folded) {
    long[] shingles = sketcher.shinglesOfFolded(folded);
    return new Signature(shingles.length, sketcher.signature(shingles));
  }

  /** The sketch of an article: its text folded once for both fingerprint and signature. */
  public Sketch sketch(NormalizedArticle article, Instant seenAt) {
    String folded = ContentFingerprint.fold(article.text());
    return sketch(article, ContentFingerprint.ofFolded(folded), signatureOfFolded(folded), seenAt);
  }

  public Sketch sketch(NormalizedArticle article, String fingerprint, Signature signature,
      Instant seenAt) {
    return new Sketch(fingerprint, Sketch.eventTime(article, seenAt), signature.shingles(),
        signature.signature(), StoryCopy.of(article, seenAt));
  }
}
