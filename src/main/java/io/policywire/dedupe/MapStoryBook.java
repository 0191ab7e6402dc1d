package io.policywire.dedupe;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A {@link StoryBook} in maps, for the no-Kafka path. Not thread-safe. */
public final class MapStoryBook implements StoryBook {

  private final Map<String, StoryState> stories = new TreeMap<>();
  private final Map<String, String> index = new HashMap<>();

  @Override
  public StoryState story(String storyId) {
    return stories.get(storyId);
  }

  @Override
  public void putStory(StoryState story) {
    stories.put(story.storyId(), story);
  }

  @Override
  public void deleteStory(String storyId) {
    stories.remove(storyId);
  }

  @Override
  public String storyOf(String articleId) {
    return index.get(articleId);
  }

  @Override
  public void index(String articleId, String storyId) {
    index.put(articleId, storyId);
  }

  @Override
  public void unindex(String articleId) {
    index.remove(articleId);
  }

  /** Every live story, by story id. */
  public Map<String, StoryState> stories() {
    return stories;
  }
}
