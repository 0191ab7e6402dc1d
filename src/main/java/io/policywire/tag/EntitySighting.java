package io.policywire.tag;

import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityMention;
import io.policywire.model.StanceTag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One article's mention of one entity, on its way to that entity's profile (key entity id).
 *
 * @param seenAt the article's publication time, else the time it arrived, ISO-8601 UTC
 * @param stance the stances the article gives the entity as target, counted by kind
 */
public record EntitySighting(String entityId, String name, String type, String wikidata,
    boolean known, String articleId, String seenAt, Map<String, Long> stance) {

  public EntitySighting {
    stance = stance == null ? Map.of() : Map.copyOf(stance);
  }

  /** One sighting per entity the article names, with the stances it holds toward each. */
  public static List<EntitySighting> of(EnrichedArticle article, long arrivedAtMillis) {
    String seenAt = seenAt(article.publishedAt(), arrivedAtMillis);
    List<EntitySighting> out = new ArrayList<>();
    for (EntityMention e : article.entities()) {
      Map<String, Long> stance = new TreeMap<>();
      for (StanceTag s : article.stances()) {
        if (e.id().equals(s.target()) && s.stance() != null) {
          stance.merge(s.stance(), 1L, Long::sum);
        }
      }
      out.add(new EntitySighting(e.id(), e.name(), e.type(), e.wikidata(), e.known(),
          article.id(), seenAt, stance));
    }
    return out;
  }

  private static String seenAt(String publishedAt, long arrivedAtMillis) {
    if (publishedAt != null) {
      try {
        return Instant.parse(publishedAt).toString();
      } catch (DateTimeParseException e) {
        // fall through: an unparseable date is no date
      }
    }
    return Instant.ofEpochMilli(arrivedAtMillis).toString();
  }
}
