package io.policywire.dedupe;

import io.policywire.model.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Everything known about one story: each copy with its source and dates. The contract's
 * {@link Story} is derived from it: the canonical copy is the earliest published one (ties go to
 * the first seen), so a late-arriving earlier copy takes over the story instead of forking it.
 * Adding a copy already present replaces it, so replays change nothing.
 */
public record StoryState(String storyId, List<Copy> copies) {

  /**
   * One article of the story.
   *
   * @param publishedAt ISO-8601 instant, or null when unknown
   * @param seenAt when the pipeline saw it (the record's timestamp), for undated copies
   */
  public record Copy(String articleId, String title, String source, String publishedAt,
      String seenAt) {

    Instant when() {
      return Instant.parse(publishedAt != null ? publishedAt : seenAt);
    }
  }

  public StoryState {
    copies = copies == null ? List.of() : List.copyOf(copies);
  }

  public static StoryState empty(String storyId) {
    return new StoryState(storyId, List.of());
  }

  public StoryState with(StoryCopy copy, Instant seenAt) {
    List<Copy> next = new ArrayList<>();
    Copy previous = null;
    for (Copy c : copies) {
      if (c.articleId().equals(copy.articleId())) {
        previous = c;
      } else {
        next.add(c);
      }
    }
    String seen = previous != null ? previous.seenAt() : seenAt.toString();
    next.add(new Copy(copy.articleId(), copy.title(), copy.source(), copy.publishedAt(), seen));
    return new StoryState(storyId, next);
  }

  public Story toStory() {
    List<Copy> ordered = new ArrayList<>(copies);
    ordered.sort(Comparator.comparing(Copy::when));
    Copy canonical = ordered.get(0);
    LinkedHashSet<String> sources = new LinkedHashSet<>();
    ordered.stream().map(Copy::source).filter(s -> s != null && !s.isBlank()).forEach(sources::add);
    return new Story(storyId, canonical.articleId(), canonical.title(),
        ordered.stream().map(Copy::articleId).toList(), List.copyOf(sources),
        canonical.when().toString(), ordered.get(ordered.size() - 1).when().toString());
  }
}
