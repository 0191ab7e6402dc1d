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
}
