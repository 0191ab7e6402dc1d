package io.policywire.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.Story;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryStateTest {

  private static final String SEEN = "2024-05-01T00:00:00Z";

  private static StoryCopy copy(String id, String source, String origin, String publishedAt) {
    return new StoryCopy(id, id.toUpperCase(), source, publishedAt, origin, SEEN);
  }

  @Test
  void shouldOrderCopiesByPublicationAndUseSeenTimeForUndatedOnes() {
    StoryState state = StoryState.empty("s1")
        .with(List.of(copy("b", "Daily", null, "2024-04-30T09:00:00Z")), 1)
        .with(List.of(copy("u", "Blog", null, null)), 2)
        .with(List.of(copy("a", "Wire", null, "2024-04-30T08:00:00.5Z")), 3);

    Story story = state.toStory();
    assertThat(story.canonicalId()).isEqualTo("a");
    assertThat(story.title()).isEqualTo("A");
    assertThat(story.articleIds()).containsExactly("a", "b", "u");
    assertThat(story.firstSeen()).isEqualTo("2024-04-30T08:00:00.500Z");
    assertThat(story.lastSeen()).isEqualTo("2024-05-01T00:00:00Z");
    assertThat(story.articleCount()).isEqualTo(3);
  }

  @Test
  void shouldReplaceACopySeenAgainAndKeepSourcesDistinct() {
    StoryState state = StoryState.empty("s1")
        .with(List.of(copy("a", "Wire", null, null)), 1)
        .with(List.of(copy("b", "Wire", null, null)), 2)
        .with(List.of(new StoryCopy("a", "A2", "Wire", null, null, SEEN)), 3);

    Story story = state.toStory();
    assertThat(story.articleIds()).containsExactly("a", "b");
    assertThat(story.title()).isEqualTo("A2");
    assertThat(story.sources()).containsExactly("Wire");
  }

  @Test
  void shouldCountIndependentOriginsApartFromCopies() {
    Story story = StoryState.empty("s1").with(List.of(
        copy("a", "AFP", "AFP", "2024-04-30T08:00:00Z"),
        copy("b", "Daily", "AFP", "2024-04-30T09:00:00Z"),
        copy("c", "Blog", null, "2024-04-30T10:00:00Z"),
        copy("d", "Gazette", "Reuters", "2024-04-30T11:00:00Z")), 1).toStory();

    assertThat(story.articleCount()).isEqualTo(4);
    assertThat(story.origins()).containsExactly("AFP", "Reuters");
    assertThat(story.independentOrigins()).isEqualTo(2);
    assertThat(story.copies()).extracting(Story.Copy::origin)
        .containsExactly("AFP", "AFP", null, "Reuters");
  }

  @Test
  void shouldCountTheCanonicalOutletAsTheOriginWhenNothingIsCredited() {
    Story story = StoryState.empty("s1").with(List.of(
        copy("a", "Wire", null, "2024-04-30T08:00:00Z"),
        copy("b", "Daily", null, "2024-04-30T09:00:00Z")), 1).toStory();

    assertThat(story.origins()).isEmpty();
    assertThat(story.independentOrigins()).isEqualTo(1);
  }

  @Test
  void shouldLetCopiesLeaveForTheStoryTheyWereRetiredIntoAndNotTakeThemBack() {
    StoryState state = StoryState.empty("s-late")
        .with(List.of(copy("late", "Daily", null, "2024-04-30T09:00:00Z"),
            copy("other", "Blog", null, "2024-04-30T10:00:00Z")), 1)
        .retire("s-early", List.of(copy("early", "Wire", null, "2024-04-30T08:00:00Z"),
            copy("late", "Daily", null, "2024-04-30T09:00:00Z")), 2)
        .with(List.of(copy("late", "Daily", null, "2024-04-30T09:00:00Z")), 3);

    assertThat(state.live()).isTrue();
    assertThat(state.toStory().articleIds()).containsExactly("other");
    assertThat(state.retiredInto()).isEqualTo("s-early");
    assertThat(state.retire("s-early", List.of(copy("other", "Blog", null, null)), 4).live())
        .isFalse();
  }
}
