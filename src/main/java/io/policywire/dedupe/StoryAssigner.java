package io.policywire.dedupe;

import io.policywire.model.Dedup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The story decision for one article, from the copies of it the band index confirmed. The
 * canonical copy is the earliest published among the article and its matches (ties: smaller
 * article id), and the story id is derived from the canonical id, so the decision depends only
 * on which pairs match, not on the order articles were processed in: that is what makes the
 * stories the same with any number of partitions.
 *
 * <p>The article and all its matches go to the canonical's story. A match that is not the
 * canonical may have founded a story of its own before an earlier copy arrived; that story is
 * told to retire, handing its copies over, so that a late earlier copy updates the story rather
 * than forking it.
 */
public final class StoryAssigner {

  /** The dedup field of the article, and the story updates keyed by story id. */
  public record Decision(Dedup dedup, Map<String, StoryUpdate> updates) {}

  private StoryAssigner() {}

  public static String storyIdOf(String canonicalArticleId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(canonicalArticleId.getBytes(StandardCharsets.UTF_8));
      return "s" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public static Decision decide(Sketch article, Collection<Match> matches) {
    Match canonical = null;
    for (Match m : matches) {
      if (m.articleId().equals(article.articleId())) {
        continue;
      }
      if (canonical == null || Sketch.compareCanonical(m.eventTime(), m.articleId(),
          canonical.eventTime(), canonical.articleId()) < 0) {
        canonical = m;
      }
    }
    boolean isCanonical = canonical == null || Sketch.compareCanonical(article.eventTime(),
        article.articleId(), canonical.eventTime(), canonical.articleId()) < 0;
    String canonicalId = isCanonical ? article.articleId() : canonical.articleId();
    String storyId = storyIdOf(canonicalId);
    Dedup dedup = isCanonical
        ? new Dedup(storyId, canonicalId, null, 0.0, Dedup.NONE)
        : new Dedup(storyId, canonicalId, canonicalId, canonical.similarity(), canonical.method());

    List<StoryCopy> members = new ArrayList<>();
    members.add(article.copy());
    matches.stream().filter(m -> !m.articleId().equals(article.articleId()))
        .map(Match::copy).forEach(members::add);
    Map<String, StoryUpdate> updates = new LinkedHashMap<>();
    updates.put(storyId, StoryUpdate.add(members));
    for (Match m : matches) {
      String formerStory = storyIdOf(m.articleId());
      if (!m.articleId().equals(canonicalId) && !formerStory.equals(storyId)) {
        updates.put(formerStory, StoryUpdate.retire(storyId, members));
      }
    }
    return new Decision(dedup, updates);
  }
}
