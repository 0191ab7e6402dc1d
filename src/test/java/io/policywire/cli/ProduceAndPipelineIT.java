package io.policywire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.ArticleTracker;
import io.policywire.kafka.TopicDumper;
import io.policywire.pipeline.PipelineRunner;
import io.policywire.testing.TestTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The walking skeleton end to end on a real broker: {@code produce} publishes the four seed
 * articles, the pipeline enriches them, and each comes out once with the contract's fields.
 */
class ProduceAndPipelineIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Path SEEDS = Path.of("../shared/corpus/seeds");

  @TempDir Path dir;

  @Test
  void shouldPublishTheSeedsWithProduceAndEnrichEachExactlyOnce() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("state"));

    assertThat(produce(config, SEEDS.toString())).isZero();
    assertThat(produce(config, SEEDS.toString())).as("republishing is idempotent").isZero();

    try (PipelineRunner runner = PipelineRunner.start(config, false)) {
      TopicDumper dumper = new TopicDumper(config.bootstrapServers(), Map.of());
      Set<String> ids = dumper.read(config.topics().raw(), TIMEOUT).stream()
          .map(l -> l.get("key").asText()).collect(Collectors.toSet());
      assertThat(ids).hasSize(4);
      ArticleTracker.Outcome outcome = new ArticleTracker(config.bootstrapServers(), Map.of())
          .await(ids, config.topics().enriched(), config.topics().dlq(), TIMEOUT);
      assertThat(outcome.enriched()).containsExactlyInAnyOrderElementsOf(ids);

      List<ObjectNode> enriched = dumper.read(config.topics().enriched(), TIMEOUT);
      assertThat(enriched).extracting(l -> l.get("key").asText())
          .as("two deliveries of each of four articles, written once: nothing changed")
          .containsExactlyInAnyOrderElementsOf(ids);
      for (ObjectNode line : enriched) {
        JsonNode v = line.get("value");
        assertThat(v.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(v.get("url").asText()).startsWith("file:").endsWith(".txt");
        assertThat(Files.exists(Path.of(java.net.URI.create(v.get("url").asText())))).isTrue();
        assertThat(v.get("source").asText()).isNotBlank();
        assertThat(v.get("publishedAt").asText()).endsWith("Z");
        assertThat(v.get("text").asText()).hasSizeGreaterThan(500).doesNotContain("\r");
        assertThat(v.get("entities").findValuesAsText("id")).contains("org:tiktok");
        assertThat(v.get("dedup").get("duplicateOf").isNull()).isTrue();
      }
      Map<String, JsonNode> stories = dumper.read(config.topics().stories(), TIMEOUT).stream()
          .collect(Collectors.toMap(l -> l.get("key").asText(), l -> l.get("value"), (a, b) -> b));
      assertThat(stories).hasSize(4);
      assertThat(stories.values()).allSatisfy(s -> assertThat(s.get("articleIds")).hasSize(1));
      Map<String, JsonNode> entities = dumper.read(config.topics().entities(), TIMEOUT).stream()
          .collect(Collectors.toMap(l -> l.get("key").asText(), l -> l.get("value"), (a, b) -> b));
      assertThat(entities.get("org:tiktok").get("articleCount").asInt())
          .as("each seed counted once, though delivered twice").isEqualTo(4);
    }
  }

  @Test
  void shouldReportAnUnreadableFileByNameAndPublishTheRest() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("state"));
    Files.writeString(dir.resolve("good.txt"), "Headline\nBody of a good article.");
    Files.write(dir.resolve("bad.json"), new byte[] {'{', (byte) 0xff, '}'});
    StringWriter err = new StringWriter();

    int code = produce(config, err, dir.resolve("good.txt").toString(),
        dir.resolve("bad.json").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("bad.json").contains("published 1 article");
    assertThat(new TopicDumper(config.bootstrapServers(), Map.of())
        .read(config.topics().raw(), TIMEOUT)).hasSize(1);
  }

  private static int produce(PolicywireConfig config, String... paths) throws Exception {
    return produce(config, new StringWriter(), paths);
  }

  private static int produce(PolicywireConfig config, StringWriter err, String... paths)
      throws Exception {
    Path props = Files.createTempFile("policywire", ".properties");
    Files.writeString(props, "topic.prefix=" + config.topicPrefix() + "\n");
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    String[] args = new String[paths.length + 5];
    args[0] = "produce";
    args[1] = "--bootstrap-servers";
    args[2] = config.bootstrapServers();
    args[3] = "--config";
    args[4] = props.toString();
    System.arraycopy(paths, 0, args, 5, paths.length);
    try {
      return cli.execute(args);
    } finally {
      Files.delete(props);
    }
  }
}
