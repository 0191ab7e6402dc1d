package io.policywire.dedupe;

import java.util.List;

/**
 * What one band of the index confirmed for an article (key: article id), on its way back to the
 * raw partition the article was read from ({@code partition}), where the article waits.
 */
public record BandResult(int band, int bands, List<Match> matches, int partition,
    String delivery) {

  public BandResult {
    matches = matches == null ? List.of() : List.copyOf(matches);
  }
}
