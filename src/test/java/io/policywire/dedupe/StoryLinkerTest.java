package io.policywire.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.Story;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StoryLinkerTest {

  private static StoryCopy copy(String id, int hour) {
    return new StoryCopy(id, id.toUpperCase(), "outlet-" + id,
        String.format("2024-04-30T%02d:00:00Z", hour), null, "2024-05-01T00:00:00Z");
  }

  private static final StoryCopy A = copy("a", 8);
  private static final StoryCopy B = copy("b", 9);
  private static final StoryCopy C = copy("c", 10);
  private static final StoryCopy D = copy("d", 11);

  @Test
  void shouldPutACopyThatMatchesOnlyAnotherCopyInTheOriginalsStory() {
    Map<String, StoryState> stories = new TreeMap<>();
    StoryBook book = book(stories);
    StoryLinker linker = new StoryLinker(book);
    linker.link(List.of(B, A), 1);

    Map<String, Story> changed = linker.link(List.of(C, B), 2);

    String storyOfA = StoryAssigner.storyIdOf("a");
    assertThat(changed).containsOnlyKeys(storyOfA);
    assertThat(changed.get(storyOfA).articleIds()).containsExactly("a", "b", "c");
    assertThat(stories).containsOnlyKeys(storyOfA);
  }

  @Test
  void shouldMergeTwoStoriesWhenAnArticleLinksThemAndTombstoneTheLaterOne() {
    Map<String, StoryState> stories = new TreeMap<>();
    StoryBook book = book(stories);
    StoryLinker linker = new StoryLinker(book);
    linker.link(List.of(A), 1);
    linker.link(List.of(D, C), 2);

    Map<String, Story> changed = linker.link(List.of(B, A, C), 3);

    String storyOfA = StoryAssigner.storyIdOf("a");
    String storyOfC = StoryAssigner.storyIdOf("c");
    assertThat(changed).containsKeys(storyOfA, storyOfC);
    assertThat(changed.get(storyOfC)).as("merged away: a tombstone").isNull();
    assertThat(changed.get(storyOfA).articleIds()).containsExactly("a", "b", "c", "d");
    assertThat(new ArrayList<>(changed.keySet())).last().isEqualTo(storyOfA);
    assertThat(book.storyOf("d")).isEqualTo(storyOfA);
  }

  @Test
  void shouldMoveTheStoryToALateEarlierCopysId() {
    Map<String, StoryState> stories = new TreeMap<>();
    StoryBook book = book(stories);
    StoryLinker linker = new StoryLinker(book);
    linker.link(List.of(C), 1);
    linker.link(List.of(D, C), 2);

    Map<String, Story> changed = linker.link(List.of(A, C), 3);

    assertThat(changed.get(StoryAssigner.storyIdOf("c"))).isNull();
    Story story = changed.get(StoryAssigner.storyIdOf("a"));
    assertThat(story.canonicalId()).isEqualTo("a");
    assertThat(story.articleIds()).containsExactly("a", "c", "d");
  }

  @Test
  void shouldReachTheSameStoriesWhateverOrderTheDecisionsArriveIn() {
    List<List<StoryCopy>> decisions = List.of(List.of(B, A), List.of(C, B), List.of(D),
        List.of(copy("e", 12), D), List.of(copy("f", 13)), List.of(copy("g", 7), copy("e", 12)));
    Map<String, Set<String>> expected = linkAll(decisions);
    assertThat(expected.values()).containsExactlyInAnyOrder(
        Set.of("a", "b", "c"), Set.of("d", "e", "g"), Set.of("f"));

    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      List<List<StoryCopy>> shuffled = new ArrayList<>(decisions);
      Collections.shuffle(shuffled, random);
      assertThat(linkAll(shuffled)).as("order %s", shuffled).isEqualTo(expected);
    }
  }

  @Test
  void shouldReplaceACopySeenAgain() {
    Map<String, StoryState> stories = new TreeMap<>();
    StoryBook book = book(stories);
    StoryLinker linker = new StoryLinker(book);
    linker.link(List.of(B, A), 1);

    Story story = linker.link(List.of(new StoryCopy("a", "A2", "outlet-a",
        A.publishedAt(), null, A.seenAt())), 2).get(StoryAssigner.storyIdOf("a"));

    assertThat(story.articleIds()).containsExactly("a", "b");
    assertThat(story.title()).isEqualTo("A2");
  }

  @Test
  void shouldForgetAStoryAndItsIndexButNotAnIndexMovedElsewhere() {
    Map<String, StoryState> stories = new TreeMap<>();
    StoryBook book = book(stories);
    StoryLinker linker = new StoryLinker(book);
    linker.link(List.of(B, A), 1);

    linker.forget(StoryAssigner.storyIdOf("a"));

    assertThat(stories).isEmpty();
    assertThat(book.storyOf("a")).isNull();
    assertThat(book.storyOf("b")).isNull();
    assertThat(linker.link(List.of(C, B), 2).get(StoryAssigner.storyIdOf("b")).articleIds())
        .containsExactly("b", "c");
  }

  @Test
  void shouldKeepTheTitleTheStoryKnowsWhenTheIndexGivesNone() {
    Map<String, StoryState> stories = new TreeMap<>();
    StoryBook book = book(stories);
    StoryLinker linker = new StoryLinker(book);
    linker.link(List.of(A), 1);

    Story story = linker.link(List.of(B, A.withoutTitle()), 2)
        .get(StoryAssigner.storyIdOf("a"));

    assertThat(story.title()).isEqualTo("A");
    assertThat(story.copies()).extracting(Story.Copy::title).containsExactly("A", "B");
  }

  @Test
  void shouldTakeARetractedCanonicalCopyOutAndMoveTheStoryToTheNextEarliest() {
    Map<String, StoryState> stories = new TreeMap<>();
    StoryBook book = book(stories);
    StoryLinker linker = new StoryLinker(book);
    linker.link(List.of(B, A), 1);
    linker.link(List.of(C, B), 2);

    Map<String, Story> changed = linker.retract("a", 3);

    assertThat(changed.get(StoryAssigner.storyIdOf("a"))).isNull();
    assertThat(changed).containsKey(StoryAssigner.storyIdOf("a"));
    Story story = changed.get(StoryAssigner.storyIdOf("b"));
    assertThat(story.articleIds()).containsExactly("b", "c");
    assertThat(book.storyOf("c")).isEqualTo(StoryAssigner.storyIdOf("b"));
    assertThat(book.storyOf("a")).isEqualTo(StoryLinker.RETRACTED);
  }

  @Test
  void shouldDeleteAStoryLeftEmptyAndNeverBringARetractedCopyBack() {
    Map<String, StoryState> stories = new TreeMap<>();
    StoryBook book = book(stories);
    StoryLinker linker = new StoryLinker(book);
    linker.link(List.of(A), 1);

    assertThat(linker.retract("a", 2)).containsEntry(StoryAssigner.storyIdOf("a"), null);
    Map<String, Story> later = linker.link(List.of(B, A.withoutTitle()), 3);

    assertThat(later.get(StoryAssigner.storyIdOf("b")).articleIds()).containsExactly("b");
    assertThat(linker.link(List.of(A), 4).get(StoryAssigner.storyIdOf("a")).articleIds())
        .as("published again under its id: it is back").containsExactly("a");
  }

  @Test
  void shouldIgnoreARetractionOfAnArticleItNeverSaw() {
    StoryLinker linker = new StoryLinker(book(new TreeMap<>()));
    assertThat(linker.retract("unknown", 1)).isEmpty();
  }

  private static StoryBook book(Map<String, StoryState> stories) {
    return new StoryBook(StoryBook.Table.of(stories), StoryBook.Table.of(new HashMap<>()));
  }

  private static Map<String, Set<String>> linkAll(List<List<StoryCopy>> decisions) {
    Map<String, StoryState> stories = new TreeMap<>();
    StoryBook book = book(stories);
    StoryLinker linker = new StoryLinker(book);
    long t = 0;
    for (List<StoryCopy> d : decisions) {
      linker.link(d, ++t);
    }
    Map<String, Set<String>> result = new TreeMap<>();
    stories.forEach((id, s) -> result.put(id, new TreeSet<>(s.toStory().articleIds())));
    return result;
  }
}
