package io.policywire.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.Story;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoryStateTest {

  private static final Instant SEEN = Instant.parse("2024-05-01T00:00:00Z");

  @Test
  void shouldOrderCopiesByPublicationAndUseSeenTimeForUndatedOnes() {
    StoryState state = StoryState.empty("s1")
        .with(new StoryCopy("b", "B", "Daily", "2024-04-30T09:00:00Z"), SEEN)
        .with(new StoryCopy("u", "U", "Blog", null), SEEN)
        .with(new StoryCopy("a", "A", "Wire", "2024-04-30T08:00:00.5Z"), SEEN);

    Story story = state.toStory();
    assertThat(story.canonicalId()).isEqualTo("a");
    assertThat(story.title()).isEqualTo("A");
    assertThat(story.articleIds()).containsExactly("a", "b", "u");
    assertThat(story.firstSeen()).isEqualTo("2024-04-30T08:00:00.500Z");
    assertThat(story.lastSeen()).isEqualTo("2024-05-01T00:00:00Z");
  }

  @Test
  void shouldReplaceACopySeenAgainAndKeepSourcesDistinct() {
    StoryState state = StoryState.empty("s1")
        .with(new StoryCopy("a", "A", "Wire", null), SEEN)
        .with(new StoryCopy("b", "B", "Wire", null), SEEN.plusSeconds(5))
        .with(new StoryCopy("a", "A2", "Wire", null), SEEN.plusSeconds(60));

    Story story = state.toStory();
    assertThat(story.articleIds()).containsExactly("a", "b");
    assertThat(story.title()).isEqualTo("A2");
    assertThat(story.sources()).containsExactly("Wire");
    assertThat(story.firstSeen()).isEqualTo(SEEN.toString());
  }
}
