package io.policywire.dedupe;

import java.util.List;

/**
 * A change to one story, keyed by story id on the way to the stories stage: either copies to
 * add, or (when {@code retiredInto} is set) the story's canonical copy now belongs to the story
 * {@code retiredInto}, which holds {@code copies}: those leave this story.
 */
public record StoryUpdate(List<StoryCopy> copies, String retiredInto) {

  public StoryUpdate {
    copies = copies == null ? List.of() : List.copyOf(copies);
  }

  public static StoryUpdate add(List<StoryCopy> copies) {
    return new StoryUpdate(copies, null);
  }

  public static StoryUpdate retire(String into, List<StoryCopy> copies) {
    return new StoryUpdate(copies, into);
  }

  public boolean isRetirement() {
    return retiredInto != null;
  }
}
