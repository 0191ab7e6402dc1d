package io.policywire.dedupe;

import io.policywire.model.Dedup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * The story decision for one article, from the copies of it the band index confirmed. The
 * canonical copy is the earliest published among the article and its matches (ties: smaller
 * article id), and the story id is derived from the canonical id, so the decision depends only
 * on which pairs match, not on the order articles were processed in: that is what makes the
 * stories the same with any number of partitions.
 *
 * <p>The article and all its matches belong in one story; the {@link StoryLinker} merges it with
 * the stories they are already in. The story id here is the one that story gets unless a match
 * was itself linked to a copy the article does not match (then the linker's story, derived from
 * the earliest copy of the whole group, is the one on {@code news.stories}).
 */
public final class StoryAssigner {

  /**
   * The dedup field of the article, and the members (the article and its confirmed copies) that
   * the {@link StoryLinker} puts in one story.
   */
  public record Decision(Dedup dedup, StoryUpdate members) {}

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
    return new Decision(dedup, new StoryUpdate(members));
  }
}
