package io.policywire.dedupe;

import io.policywire.model.AnnotatedArticle;
import java.util.List;

/**
 * What one band of the index confirmed for an article (key: article id).
 *
 * @param sketch and {@code article}: on band 0 only
 */
public record BandResult(int band, int bands, List<Match> matches, Sketch sketch,
    AnnotatedArticle article, String delivery) {

  public BandResult {
    matches = matches == null ? List.of() : List.copyOf(matches);
  }
}
