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
    StoryState state = StoryState.of(List.of(copy("b", "Daily", null, "2024-04-30T09:00:00Z"),
        copy("u", "Blog", null, null), copy("a", "Wire", null, "2024-04-30T08:00:00.5Z")), 3);

    Story story = state.toStory();
    assertThat(story.canonicalId()).isEqualTo("a");
    assertThat(story.storyId()).isEqualTo(StoryAssigner.storyIdOf("a"));
    assertThat(story.title()).isEqualTo("A");
    assertThat(story.articleIds()).containsExactly("a", "b", "u");
    assertThat(story.firstSeen()).isEqualTo("2024-04-30T08:00:00.500Z");
    assertThat(story.lastSeen()).isEqualTo("2024-05-01T00:00:00Z");
    assertThat(story.articleCount()).isEqualTo(3);
  }

  @Test
  void shouldCountIndependentOriginsApartFromCopies() {
    Story story = StoryState.of(List.of(
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
    Story story = StoryState.of(List.of(
        copy("a", "Wire", null, "2024-04-30T08:00:00Z"),
        copy("b", "Daily", null, "2024-04-30T09:00:00Z")), 1).toStory();

    assertThat(story.origins()).isEmpty();
    assertThat(story.independentOrigins()).isEqualTo(1);
  }
}
