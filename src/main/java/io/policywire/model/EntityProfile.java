package io.policywire.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value of {@code news.entities} (key entity id): a running profile of one entity.
 *
 * @param articleCount how many articles have mentioned it
 * @param lastSeen the latest publication time (else arrival time) of those, ISO-8601 UTC
 * @param stance how many stances of each kind (FAVOR, AGAINST, NEUTRAL) it has received as a
 *     target
 * @param known false for an entity recognised from text alone, not in the knowledge base
 */
public record EntityProfile(
    String id,
    String name,
    String type,
    @JsonInclude(JsonInclude.Include.NON_NULL) String wikidata,
    long articleCount,
    String lastSeen,
    Map<String, Long> stance,
    boolean known) {

  public EntityProfile {
    stance = stance == null ? Map.of() : Map.copyOf(new TreeMap<>(stance));
  }
}
