package io.policywire.dedupe;

import java.util.List;

/**
 * One de-duplication decision on its way to the story linker: the article decided and the
 * copies of it that were confirmed, which belong in one story.
 */
public record StoryUpdate(List<StoryCopy> copies) {

  public StoryUpdate {
    copies = copies == null ? List.of() : List.copyOf(copies);
  }
}
