package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.config.ConfigLoader;
import io.policywire.dedupe.BandProbe;
import io.policywire.dedupe.BandResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bands go to the partition of their group; band answers go back to the raw partition their
 * article waits in, whatever their key.
 */
class DedupePartitionersTest {

  private final DedupeStage.BackToArticle partitioner = new DedupeStage.BackToArticle();

  @Test
  void shouldSendAGroupOfBandsToThePartitionOfItsNumber() {
    DedupeStage.ByBandGroup byGroup = new DedupeStage.ByBandGroup();
    assertThat(byGroup.partitions("t", "article-1", probe(4), 6)).contains(Set.of(4));
    assertThat(byGroup.partitions("t", "article-2", probe(4), 6)).contains(Set.of(4));
    // a raw topic with fewer partitions than declared: still one partition per group
    assertThat(byGroup.partitions("t", "article-1", probe(4), 3)).contains(Set.of(1));
  }

  @Test
  void shouldDealAsManyGroupsAsTheRawTopicDeclaresPartitions() {
    assertThat(DedupeStage.bandGroups(ConfigLoader.defaults(Map.of()))).isEqualTo(6);
  }

  private static BandProbe probe(int group) {
    return new BandProbe(group, List.of(new BandProbe.Band(group, "04-00ff00ff")), 32, true,
        null, 0, "0-1");
  }

  @Test
  void shouldRouteByTheRawPartitionNotByTheKey() {
    BandResult fromSeven = new BandResult(List.of(3, 9), 32, List.of(), 7, "7-120");
    assertThat(partitioner.partitions("t", "a-key-that-hashes-anywhere", fromSeven, 12))
        .contains(Set.of(7));
    assertThat(partitioner.partitions("t", "another-key", fromSeven, 12))
        .contains(Set.of(7));
  }

  @Test
  void shouldHashTheKeyWhenTheArticleWasNotReadFromAPartition() {
    assertThat(partitioner.partitions("t", "k", new BandResult(List.of(0), 1, List.of(), -1, "5"), 3))
        .isEmpty();
  }

  @Test
  void shouldNameTheFixWhenTheRepartitionTopicHasFewerPartitionsThanRaw() {
    assertThatThrownBy(() -> partitioner.partitions("dedupe-by-article-repartition", "k",
        new BandResult(List.of(0), 1, List.of(), 5, "5-1"), 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("raw partition 5").hasMessageContaining("as many partitions");
  }
}
