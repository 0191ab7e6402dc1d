package io.policywire.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One entity found in an article, per the enriched-record contract. */
public record EntityMention(
    String id,
    String name,
    String type,
    @JsonInclude(JsonInclude.Include.NON_NULL) String wikidata,
    int mentions,
    double salience,
    List<int[]> spans) {

  public EntityMention {
    spans = spans == null ? List.of() : List.copyOf(spans);
  }
}
