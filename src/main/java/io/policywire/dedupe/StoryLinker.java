package io.policywire.dedupe;

import io.policywire.model.Story;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns copy decisions into stories that are the connected groups of the copy relation. A
 * decision names an article and the copies of it the band index confirmed; those copies may
 * already sit in stories of their own (an earlier decision put them there). Every story any
 * member is in is merged with the members into one, whose id is derived from its canonical
 * (earliest published) copy; the stories merged away are deleted (tombstones on the topic).
 *
 * <p>Merging is union of groups, and the canonical copy is a minimum over the group, so the
 * stories reached do not depend on the order decisions arrive in: that is what makes them the
 * same with any number of partitions or instances upstream, even though the copy relation is not
 * transitive (a copy may match another copy but not the original). It needs every decision in
 * one place, so the topology runs it as one task; it does a few store operations per article.
 */
public final class StoryLinker {

  /** The index entry of a retracted article, in place of a story id. */
  public static final String RETRACTED = "!retracted";

  private final StoryBook book;

  public StoryLinker(StoryBook book) {
    this.book = book;
  }

  /**
   * Links the members of one decision.
   *
   * @return the stories changed, by story id, in the order to publish them: a null value is a
   *     story merged away (publish a tombstone), the last entry the story the members are in
   */
  public Map<String, Story> link(List<StoryCopy> members, long timestamp) {
    // one index and one story read per member: this runs as a single task for the whole pipeline
    List<StoryCopy> live = new ArrayList<>();
    Map<String, StoryState> merged = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      StoryCopy member = members.get(i);
      String storyId = book.storyOf(member.articleId());
      // a retracted article stays out, unless it is the one decided (published again)
      if (i > 0 && RETRACTED.equals(storyId)) {
        continue;
      }
      live.add(member);
      if (storyId != null && !merged.containsKey(storyId)) {
        StoryState story = book.story(storyId);
        if (story != null) {
          merged.put(storyId, story);
        }
      }
    }
    Map<String, StoryCopy> copies = new LinkedHashMap<>();
    merged.values().forEach(story -> story.copies().forEach(c -> copies.put(c.articleId(), c)));
    // copies from the band index carry no title: the one the story knows stays
    live.forEach(c -> copies.put(c.articleId(), c.filledFrom(copies.get(c.articleId()))));
    return replace(merged, new ArrayList<>(copies.values()), live, timestamp);
  }

  /**
   * Takes a retracted article out of its story: the story is rewritten without it (under a new
   * id when it was the canonical copy), or deleted when it was the only copy. The article is
   * remembered as retracted, so that a copy of it matched later does not bring it back.
   *
   * @return the stories changed, as {@link #link}
   */
  public Map<String, Story> retract(String articleId, long timestamp) {
    String storyId = book.storyOf(articleId);
    StoryState story = storyId == null ? null : book.story(storyId);
    Map<String, Story> changed = new LinkedHashMap<>();
    if (story != null) {
      List<StoryCopy> rest = story.copies().stream()
          .filter(c -> !c.articleId().equals(articleId)).toList();
      if (rest.isEmpty()) {
        book.deleteStory(storyId);
        changed.put(storyId, null);
      } else {
        changed.putAll(replace(Map.of(storyId, story), rest, rest, timestamp));
      }
    }
    book.index(articleId, RETRACTED);
    return changed;
  }

  /**
   * Puts {@code copies} in one story and deletes the {@code previous} stories it replaces (by id,
   * as read); {@code moved} are the copies to index (besides those of stories merged away).
   */
  private Map<String, Story> replace(Map<String, StoryState> previous, List<StoryCopy> copies,
      List<StoryCopy> moved, long timestamp) {
    StoryState linked = StoryState.of(copies, timestamp);
    Map<String, Story> changed = new LinkedHashMap<>();
    previous.forEach((storyId, story) -> {
      if (!storyId.equals(linked.storyId())) {
        // only the copies that move are re-indexed, so a growing story costs one entry per copy
        story.copies().forEach(c -> book.index(c.articleId(), linked.storyId()));
        book.deleteStory(storyId);
        changed.put(storyId, null);
      }
    });
    book.putStory(linked);
    moved.forEach(c -> book.index(c.articleId(), linked.storyId()));
    changed.put(linked.storyId(), linked.toStory());
    return changed;
  }

  /** Forgets a story (expired from the window): its record and its articles' index entries. */
  public void forget(String storyId) {
    StoryState story = book.story(storyId);
    if (story == null) {
      return;
    }
    for (StoryCopy copy : story.copies()) {
      if (storyId.equals(book.storyOf(copy.articleId()))) {
        book.unindex(copy.articleId());
      }
    }
    book.deleteStory(storyId);
  }
}
