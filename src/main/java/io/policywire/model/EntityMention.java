package io.policywire.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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

  /** Spans compared by value: two mentions with the same offsets are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof EntityMention m && id.equals(m.id) && Objects.equals(name, m.name)
        && Objects.equals(type, m.type) && Objects.equals(wikidata, m.wikidata)
        && mentions == m.mentions && Double.compare(salience, m.salience) == 0
        && known == m.known && spansEqual(spans, m.spans);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(id, name, type, wikidata, mentions, salience, known);
    for (int[] span : spans) {
      h = 31 * h + Arrays.hashCode(span);
    }
    return h;
  }

  private static boolean spansEqual(List<int[]> a, List<int[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A knowledge-base entity, as the record was before {@code known} was added. */
  public EntityMention(String id, String name, String type, String wikidata, int mentions,
      double salience, List<int[]> spans) {
    this(id, name, type, wikidata, mentions, salience, spans, true);
  }
}
