package io.policywire.dedupe;

import java.util.List;

/**
 * What one group of bands of the index confirmed for an article (key: article id), on its way
 * back to the raw partition the article was read from ({@code partition}), where it waits.
 *
 * @param bands the indexes of the bands that answered
 * @param bandCount how many bands the article has in all
 */
public record BandResult(List<Integer> bands, int bandCount, List<Match> matches, int partition,
    String delivery) {

  public BandResult {
    bands = List.copyOf(bands);
    matches = matches == null ? List.of() : List.copyOf(matches);
  }
}
