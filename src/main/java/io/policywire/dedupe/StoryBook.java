package io.policywire.dedupe;

import java.util.Map;

/**
 * Where the story linker keeps its state: each live story by story id, and which story each
 * article is in. Two tables, backed by maps without Kafka and by state stores in the topology.
 */
public final class StoryBook {

  /** A key-value table, as a map or a state store gives one. */
  public interface Table<V> {

    V get(String key);

    void put(String key, V value);

    void delete(String key);

    static <V> Table<V> of(Map<String, V> map) {
      return new Table<>() {
        @Override
        public V get(String key) {
          return map.get(key);
        }

        @Override
        public void put(String key, V value) {
          map.put(key, value);
        }

        @Override
        public void delete(String key) {
          map.remove(key);
        }
      };
    }
  }

  private final Table<StoryState> stories;
  private final Table<String> index;

  public StoryBook(Table<StoryState> stories, Table<String> index) {
    this.stories = stories;
    this.index = index;
  }

  public StoryState story(String storyId) {
    return stories.get(storyId);
  }

  public void putStory(StoryState story) {
    stories.put(story.storyId(), story);
  }

  public void deleteStory(String storyId) {
    stories.delete(storyId);
  }

  /** The story the article is in (or {@link StoryLinker#RETRACTED}), or null. */
  public String storyOf(String articleId) {
    return index.get(articleId);
  }

  public void index(String articleId, String storyId) {
    index.put(articleId, storyId);
  }

  public void unindex(String articleId) {
    index.delete(articleId);
  }
}
