package io.policywire.dedupe;

import java.util.List;

/**
 * On its way to the story linker: one de-duplication decision (the article decided, then the
 * copies of it that were confirmed, which belong in one story), or the retraction of an article.
 *
 * @param retracted the id of a retracted article (then {@code copies} is empty), else null
 */
public record StoryUpdate(List<StoryCopy> copies, String retracted) {

  public StoryUpdate {
    copies = copies == null ? List.of() : List.copyOf(copies);
  }

  public StoryUpdate(List<StoryCopy> copies) {
    this(copies, null);
  }

  public static StoryUpdate retraction(String articleId) {
    return new StoryUpdate(List.of(), articleId);
  }
}
