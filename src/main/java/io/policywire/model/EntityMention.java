package io.policywire.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entity found in an article, per the enriched-record contract.
 *
 * @param known true when the entity comes from the knowledge base, false when it was recognised
 *     from the text alone (its id is then generated from its name)
 */
public record EntityMention(
    String id,
    String name,
    String type,
    @JsonInclude(JsonInclude.Include.NON_NULL) String wikidata,
    int mentions,
    double salience,
    List<int[]> spans,
    boolean known) {

  public EntityMention {
    spans = spans == null ? List.of() : List.copyOf(spans);
  }

  /** A knowledge-base entity, as the record was before {@code known} was added. */
  public EntityMention(String id, String name, String type, String wikidata, int mentions,
      double salience, List<int[]> spans) {
    this(id, name, type, wikidata, mentions, salience, spans, true);
  }
}
