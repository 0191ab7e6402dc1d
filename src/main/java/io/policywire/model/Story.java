package io.policywire.model;

import java.util.List;

/**
 * The value of {@code news.stories}: one wire story and every copy of it seen so far.
 *
 * @param canonicalId the earliest published copy
 * @param title the canonical copy's title
 */
public record Story(
    String storyId,
    String canonicalId,
    String title,
    List<String> articleIds,
    List<String> sources,
    String firstSeen,
    String lastSeen) {

  public Story {
    articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
