package io.policywire.serve;

import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityMention;
import io.policywire.model.StanceTag;
import java.util.ArrayList;
import java.util.List;

/**
 * How much one entity was in the news during one window (or, summed, over a range): the articles
 * that mention it and the stances they report towards it. The value of the
 * {@code serve-entity-activity} window store, keyed by entity id.
 */
public record EntityActivity(String id, String name, String type, long articles, long favor,
    long against, long neutral) {

  public static EntityActivity empty(String id) {
    return new EntityActivity(id, null, null, 0, 0, 0, 0);
  }

  /** One activity record per entity an article mentions, with the stances towards it. */
  public static List<EntityActivity> of(EnrichedArticle article) {
    List<EntityActivity> out = new ArrayList<>();
    for (EntityMention e : article.entities()) {
      long favor = 0;
      long against = 0;
      long neutral = 0;
      for (StanceTag s : article.stances()) {
        if (e.id().equals(s.target()) && s.stance() != null) {
          switch (s.stance()) {
            case "FAVOR" -> favor++;
            case "AGAINST" -> against++;
            default -> neutral++;
          }
        }
      }
      out.add(new EntityActivity(e.id(), e.name(), e.type(), 1, favor, against, neutral));
    }
    return out;
  }

  public EntityActivity plus(EntityActivity other) {
    return new EntityActivity(id != null ? id : other.id, name != null ? name : other.name,
        type != null ? type : other.type, articles + other.articles, favor + other.favor,
        against + other.against, neutral + other.neutral);
  }
}
