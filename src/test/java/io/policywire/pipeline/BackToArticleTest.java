package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.dedupe.BandResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Band answers go back to the raw partition their article waits in, whatever their key. */
class BackToArticleTest {

  private final DedupeStage.BackToArticle partitioner = new DedupeStage.BackToArticle();

  @Test
  void shouldRouteByTheRawPartitionNotByTheKey() {
    BandResult fromSeven = new BandResult(3, 32, List.of(), 7, "7-120");
    assertThat(partitioner.partitions("t", "a-key-that-hashes-anywhere", fromSeven, 12))
        .contains(Set.of(7));
    assertThat(partitioner.partitions("t", "another-key", fromSeven, 12))
        .contains(Set.of(7));
  }

  @Test
  void shouldHashTheKeyWhenTheArticleWasNotReadFromAPartition() {
    assertThat(partitioner.partitions("t", "k", new BandResult(0, 1, List.of(), -1, "5"), 3))
        .isEmpty();
  }

  @Test
  void shouldNameTheFixWhenTheRepartitionTopicHasFewerPartitionsThanRaw() {
    assertThatThrownBy(() -> partitioner.partitions("dedupe-by-article-repartition", "k",
        new BandResult(0, 1, List.of(), 5, "5-1"), 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("raw partition 5").hasMessageContaining("as many partitions");
  }
}
