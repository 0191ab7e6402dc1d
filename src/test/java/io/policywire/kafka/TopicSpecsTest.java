package io.policywire.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.config.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicSpecsTest {

  @TempDir Path dir;

  @Test
  void shouldLoadTheSevenContractTopicsWithStateTopicsCompacted() {
    List<TopicSpec> specs = TopicSpecs.fromClasspath(new TopicNames(""));

    assertThat(specs).extracting(TopicSpec::name).containsExactlyElementsOf(TopicNames.ALL);
    assertThat(specs).filteredOn(TopicSpec::compacted).extracting(TopicSpec::name)
        .as("the four state topics, and raw so that a retraction's tombstone removes it")
        .containsExactlyInAnyOrder("news.articles.raw", "news.articles.enriched",
            "news.stories", "news.entities", "news.regulatory-actions");
    assertThat(specs).allSatisfy(s -> {
      assertThat(s.replicationFactor()).isEqualTo(3);
      assertThat(s.config()).containsEntry("min.insync.replicas", "2");
      assertThat(s.description()).isNotBlank();
    });
  }

  @Test
  void shouldMatchTheRepositoryFilesThatDockerAndHelmRead() {
    assertThat(TopicSpecs.fromDirectory(Path.of("topics"), new TopicNames("")))
        .isEqualTo(TopicSpecs.fromClasspath(new TopicNames("")));
  }

  @Test
  void shouldApplyPrefixAndCapMinIsrAtALowerReplicationFactor() {
    TopicSpec raw = TopicSpecs.fromClasspath(new TopicNames("dev.")).get(0)
        .withReplicationFactor(1);

    assertThat(raw.name()).isEqualTo("dev.news.articles.raw");
    assertThat(raw.replicationFactor()).isEqualTo(1);
    assertThat(raw.config()).containsEntry("min.insync.replicas", "1");
  }

  @Test
  void shouldNameTheFileAndTheFieldOfABadDefinition() throws Exception {
    copyAll();
    Files.writeString(dir.resolve("news.stories.json"),
        "{\"name\":\"news.stories\",\"partitions\":0,\"replicationFactor\":1}");

    assertThatThrownBy(() -> TopicSpecs.fromDirectory(dir, new TopicNames("")))
        .hasMessageContaining("news.stories.json").hasMessageContaining("partitions");
  }

  @Test
  void shouldRejectNameMismatchNonStringConfigAndMinIsrAboveReplication() throws Exception {
    copyAll();
    Path file = dir.resolve("news.alerts.json");
    Files.writeString(file, "{\"name\":\"news.alert\",\"partitions\":1,\"replicationFactor\":1}");
    assertThatThrownBy(() -> TopicSpecs.fromDirectory(dir, new TopicNames("")))
        .hasMessageContaining("expected 'news.alerts'");

    Files.writeString(file, "{\"name\":\"news.alerts\",\"partitions\":1,\"replicationFactor\":1,"
        + "\"config\":{\"retention.ms\":1000}}");
    assertThatThrownBy(() -> TopicSpecs.fromDirectory(dir, new TopicNames("")))
        .hasMessageContaining("config.retention.ms must be a string");

    Files.writeString(file, "{\"name\":\"news.alerts\",\"partitions\":1,\"replicationFactor\":1,"
        + "\"config\":{\"min.insync.replicas\":\"2\"}}");
    assertThatThrownBy(() -> TopicSpecs.fromDirectory(dir, new TopicNames("")))
        .hasMessageContaining("exceeds replicationFactor");
  }

  @Test
  void shouldReportAMissingDefinition() {
    assertThatThrownBy(() -> TopicSpecs.fromDirectory(dir, new TopicNames("")))
        .hasMessageContaining("news.articles.raw.json not found");
  }

  @Test
  void shouldClassifyRetentionCutsAndPolicyChangesAsDestructive() {
    assertThat(TopicApplier.isDestructive("retention.ms", "604800000", "86400000")).isTrue();
    assertThat(TopicApplier.isDestructive("retention.ms", "-1", "86400000")).isTrue();
    assertThat(TopicApplier.isDestructive("retention.ms", "86400000", "-1")).isFalse();
    assertThat(TopicApplier.isDestructive("cleanup.policy", "compact", "delete")).isTrue();
    assertThat(TopicApplier.isDestructive("segment.ms", "604800000", "86400000")).isFalse();
  }

  private void copyAll() throws Exception {
    for (String topic : TopicNames.ALL) {
      Files.copy(Path.of("topics", topic + ".json"), dir.resolve(topic + ".json"));
    }
  }
}
