package io.policywire.dedupe;

import java.time.Duration;

/**
 * The knobs of wire-copy detection. The defaults are the ones the evaluation harness
 * ({@code WireCopyHarnessTest}) measured; see the README for the figures behind them.
 *
 * @param shingleSize words per shingle
 * @param components MinHash components in a signature (16 bits each)
 * @param bands LSH bands: an article is a candidate of another when one band is equal
 * @param rowsPerBand components per band; {@code bands * rowsPerBand <= components}. Two texts
 *     share a band with probability about J^rows: 3 keeps unrelated articles (J of a few %) from
 *     filling every band as the window fills, where 2 made each article confirm a share of the
 *     whole window (README, "Banding, for scale")
 * @param minJaccard estimated Jaccard similarity at or above which a candidate is a copy
 * @param minContainment estimated share of the smaller text's shingles found in the larger one
 *     at or above which a candidate is a copy (a truncated copy has a low Jaccard, a high
 *     containment)
 * @param minContainmentShingles the smaller text needs this many shingles for containment to
 *     count, so that a one-line brief is not a "copy" of every article quoting it
 * @param window only articles published within this much of each other are compared
 * @param grace how far behind the newest article seen an article may arrive and still be indexed
 */
public record DedupeSettings(
    int shingleSize,
    int components,
    int bands,
    int rowsPerBand,
    double minJaccard,
    double minContainment,
    int minContainmentShingles,
    Duration window,
    Duration grace) {

  public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
  public static final Duration DEFAULT_GRACE = Duration.ofDays(2);

  public DedupeSettings {
    if (bands * rowsPerBand > components) {
      throw new IllegalArgumentException("bands * rowsPerBand must not exceed components");
    }
  }

  public static DedupeSettings defaults() {
    return new DedupeSettings(5, 128, 42, 3, 0.30, 0.70, 40, DEFAULT_WINDOW, DEFAULT_GRACE);
  }

  public DedupeSettings withWindow(Duration newWindow, Duration newGrace) {
    return new DedupeSettings(shingleSize, components, bands, rowsPerBand, minJaccard,
        minContainment, minContainmentShingles, newWindow, newGrace);
  }

  /** How long indexed signatures are kept: the window plus the grace. */
  public Duration retention() {
    return window.plus(grace);
  }
}
