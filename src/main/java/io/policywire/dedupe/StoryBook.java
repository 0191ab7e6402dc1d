package io.policywire.dedupe;

/**
 * Where the story linker keeps its state: each live story by story id, and which story each
 * article is in. Backed by maps without Kafka, by state stores in the topology.
 */
public interface StoryBook {

  StoryState story(String storyId);

  void putStory(StoryState story);

  void deleteStory(String storyId);

  /** The story the article is in, or null. */
  String storyOf(String articleId);

  void index(String articleId, String storyId);

  void unindex(String articleId);
}
