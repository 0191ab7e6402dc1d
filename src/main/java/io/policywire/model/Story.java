package io.policywire.model;

import java.util.List;

/**
 * The value of {@code news.stories}: one wire story and every copy of it seen so far.
 *
 * @param canonicalId the earliest published copy
 * @param title the canonical copy's title
 * @param articleIds every copy, earliest published first (the canonical one included)
 * @param sources the outlets that published a copy, in that order, each once
 * @param copies each copy with its outlet, the origin it credits and its date
 * @param origins the agencies or outlets the copies credit ("AFP"), each once
 * @param independentOrigins how many independent origins the story has: the credited origins,
 *     plus the canonical copy's outlet when it credits none (uncredited copies are counted as
 *     copies of the canonical one, not as origins)
 * @param articleCount how many copies, the canonical one included
 */
public record Story(
    String storyId,
    String canonicalId,
    String title,
    List<String> articleIds,
    List<String> sources,
    String firstSeen,
    String lastSeen,
    List<Copy> copies,
    List<String> origins,
    int independentOrigins,
    int articleCount) {

  /** One copy of the story. */
  public record Copy(String articleId, String title, String source, String origin,
      String publishedAt) {}

  public Story {
    articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    sources = sources == null ? List.of() : List.copyOf(sources);
    copies = copies == null ? List.of() : List.copyOf(copies);
    origins = origins == null ? List.of() : List.copyOf(origins);
  }
}
