package io.policywire.dedupe;

import io.policywire.model.AnnotatedArticle;
import java.util.List;
import java.util.Map;

/**
 * What one band of the index confirmed for an article (key: article id).
 *
 * @param sketch and {@code article}: on band 0 only
 * @param lineage the article's lineage headers, kept while its bands answer (only band 0 carries
 *     them through the band hop, so the fan-out does not copy them 32 times)
 */
public record BandResult(int band, int bands, List<Match> matches, Sketch sketch,
    AnnotatedArticle article, String delivery, Map<String, String> lineage) {

  public BandResult {
    matches = matches == null ? List.of() : List.copyOf(matches);
    lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
  }

  public BandResult withLineage(Map<String, String> newLineage) {
    return new BandResult(band, bands, matches, sketch, article, delivery, newLineage);
  }
}
