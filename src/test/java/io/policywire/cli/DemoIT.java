package io.policywire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.config.TopicNames;
import io.policywire.kafka.Json;
import io.policywire.testing.ContractSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo command, run as a user runs it: {@code java -jar target/policywire.jar demo},
 * in its own JVM with its own embedded broker, on free ports.
 */
class DemoIT {

  private static final Path JAR = Path.of("target", "policywire.jar");

  @TempDir Path out;

  @Test
  void shouldEnrichTheFourSeedArticlesAndDumpEveryOutputTopic() throws Exception {
    Run run = demo("--input", "../shared/corpus/seeds", "--until-idle", "--dump", out.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    List<JsonNode> enriched = lines("news.articles.enriched");
    assertThat(enriched).hasSize(4);
    for (JsonNode line : enriched) {
      JsonNode value = line.get("value");
      assertThat(line.get("key").asText()).isEqualTo(value.get("id").asText());
      assertThat(value.get("schemaVersion").asInt()).isEqualTo(1);
      assertThat(value.get("url").asText()).startsWith("file:").contains("/seeds/");
      assertThat(value.get("title").asText()).isNotBlank();
      assertThat(value.get("text").asText()).isNotBlank();
      assertThat(value.get("publishedAt").asText()).matches("20\\d\\d-.*Z");
      assertThat(value.has("language")).isTrue();
      assertThat(value.get("entities").isArray()).isTrue();
      assertThat(value.get("stances").isArray()).isTrue();
      assertThat(value.get("actions").isArray()).isTrue();
      assertThat(value.get("dedup").get("storyId").asText()).isNotBlank();
    }
    assertThat(lines("news.stories")).hasSize(4);
    assertThat(lines("news.articles.dlq")).isEmpty();
    for (String topic : TopicNames.ALL) {
      if (!topic.equals(TopicNames.DLQ) && !topic.equals(TopicNames.RAW)) {
        for (JsonNode line : lines(topic)) {
          assertThat(ContractSchemas.violations(topic, line.get("value")))
              .as(topic + " " + line.get("key")).isEmpty();
        }
      }
    }
    assertThat(out.resolve("news.alerts.jsonl")).exists();
    assertThat(run.output()).contains("4 enriched").contains("kcat -b");
  }

  @Test
  void shouldPublishOurSamplesAndFoldTheWireCopyIntoOneStory() throws Exception {
    Run run = demo("--until-idle", "--dump", out.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    List<JsonNode> enriched = lines("news.articles.enriched");
    assertThat(enriched).hasSizeGreaterThanOrEqualTo(6);
    List<JsonNode> stories = lines("news.stories");
    assertThat(stories).hasSize(enriched.size() - 1);
    JsonNode wire = stories.stream().map(l -> l.get("value"))
        .filter(s -> s.get("articleIds").size() == 2).findFirst().orElseThrow();
    assertThat(wire.get("sources")).hasSize(2);
    assertThat(wire.get("title").asText()).contains("TikTok");
  }

  private List<JsonNode> lines(String topic) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(topic + ".jsonl"))) {
      nodes.add(Json.MAPPER.readTree(line));
    }
    return nodes;
  }

  private record Run(int exitCode, String output) {}

  private static Run demo(String... args) throws Exception {
    assertThat(JAR).as("the jar is built by mvn package before integration tests").exists();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
        "-jar", JAR.toString(), "demo", "--port", "0", "--http-port", "0", "--timeout", "120"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("demo exits").isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
