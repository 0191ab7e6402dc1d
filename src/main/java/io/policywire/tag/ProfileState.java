package io.policywire.tag;

import io.policywire.model.EntityProfile;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored state behind one entity's profile. Each sighting arrives once: the stage before
 * ({@code entities-article-sightings}, keyed by article) drops an article delivered again
 * unchanged and takes back exactly what a changed or retracted one contributed, so the profile
 * only adds and subtracts. (It used to keep the last 256 article ids itself: the largest record
 * the pipeline wrote, about 12 KB of changelog an article, and a retraction of an article older
 * than those 256 was ignored. States stored with that list still read: unknown fields are
 * skipped.)
 */
public record ProfileState(EntityProfile profile) {

  /** The state after one more sighting, or the taking back of one. */
  public ProfileState apply(EntitySighting s) {
    if (s.aliasOf() != null) {
      return alias(s);
    }
    if (s.retracted()) {
      return retract(s);
    }
    EntityProfile p = profile;
    long count = p == null ? 0 : p.articleCount();
    String lastSeen = p == null || p.lastSeen() == null
        || s.seenAt().compareTo(p.lastSeen()) > 0 ? s.seenAt() : p.lastSeen();
    Map<String, Long> stance = new TreeMap<>(p == null ? Map.of() : p.stance());
    s.stance().forEach((kind, n) -> stance.merge(kind, n, Long::sum));
    return new ProfileState(new EntityProfile(s.entityId(), s.name(), s.type(), s.wikidata(),
        count + 1, lastSeen, stance, s.known()));
  }

  /**
   * The article's sighting no longer counts: its count and stances come off (its date stays in
   * {@code lastSeen}: the profile does not know the one before).
   */
  private ProfileState retract(EntitySighting s) {
    if (profile == null) {
      return this; // nothing counted under this id
    }
    Map<String, Long> stance = new TreeMap<>(profile.stance());
    s.stance().forEach((kind, n) -> stance.computeIfPresent(kind, (k, v) -> v - n > 0 ? v - n
        : null));
    return new ProfileState(new EntityProfile(profile.id(), profile.name(), profile.type(),
        profile.wikidata(), Math.max(0, profile.articleCount() - 1), profile.lastSeen(), stance,
        profile.known(), profile.aliasOf()));
  }

  /**
   * This id was renamed or merged into {@code s.aliasOf()}: the profile becomes an alias record
   * pointing there, keeping the counts it had under this id. Once is enough.
   */
  private ProfileState alias(EntitySighting s) {
    if (profile != null && s.aliasOf().equals(profile.aliasOf())) {
      return this;
    }
    EntityProfile p = profile;
    return new ProfileState(new EntityProfile(s.entityId(), p == null ? s.name() : p.name(),
        p == null ? s.type() : p.type(), p == null ? null : p.wikidata(),
        p == null ? 0 : p.articleCount(), p == null ? null : p.lastSeen(),
        p == null ? Map.of() : p.stance(), p != null && p.known(), s.aliasOf()));
  }
}
