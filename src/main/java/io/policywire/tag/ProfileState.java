package io.policywire.tag;

import io.policywire.model.EntityProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored state behind one entity's profile: the profile, and the ids of the articles most
 * recently counted, so that an article delivered again (a re-publication, a retry) is not
 * counted twice. Only the last {@value #RECENT} ids are kept, which bounds the state; an article
 * re-delivered after that many newer ones would be counted again.
 */
public record ProfileState(EntityProfile profile, List<String> recentArticleIds) {

  static final int RECENT = 256;

  public ProfileState {
    recentArticleIds = recentArticleIds == null ? List.of() : List.copyOf(recentArticleIds);
  }

  /** The state after one more sighting; the same state if the article was already counted. */
  public ProfileState apply(EntitySighting s) {
    if (s.aliasOf() != null) {
      return alias(s);
    }
    if (s.retracted()) {
      return retract(s);
    }
    if (recentArticleIds.contains(s.articleId())) {
      return this;
    }
    EntityProfile p = profile;
    long count = p == null ? 0 : p.articleCount();
    String lastSeen = p == null || p.lastSeen() == null
        || s.seenAt().compareTo(p.lastSeen()) > 0 ? s.seenAt() : p.lastSeen();
    Map<String, Long> stance = new TreeMap<>(p == null ? Map.of() : p.stance());
    s.stance().forEach((kind, n) -> stance.merge(kind, n, Long::sum));
    List<String> recent = new ArrayList<>(recentArticleIds);
    recent.add(s.articleId());
    if (recent.size() > RECENT) {
      recent.subList(0, recent.size() - RECENT).clear();
    }
    return new ProfileState(new EntityProfile(s.entityId(), s.name(), s.type(), s.wikidata(),
        count + 1, lastSeen, stance, s.known()), recent);
  }

  /** The article's sighting no longer counts: its count and stances come off. */
  private ProfileState retract(EntitySighting s) {
    if (profile == null || !recentArticleIds.contains(s.articleId())) {
      return this; // never counted here, or counted too long ago to take back exactly
    }
    Map<String, Long> stance = new TreeMap<>(profile.stance());
    s.stance().forEach((kind, n) -> stance.computeIfPresent(kind, (k, v) -> v - n > 0 ? v - n
        : null));
    List<String> recent = new ArrayList<>(recentArticleIds);
    recent.remove(s.articleId());
    return new ProfileState(new EntityProfile(profile.id(), profile.name(), profile.type(),
        profile.wikidata(), Math.max(0, profile.articleCount() - 1), profile.lastSeen(), stance,
        profile.known(), profile.aliasOf()), recent);
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
        p == null ? Map.of() : p.stance(), p != null && p.known(), s.aliasOf()),
        recentArticleIds);
  }
}
