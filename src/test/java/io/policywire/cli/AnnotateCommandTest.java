package io.policywire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.kafka.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnnotateCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int annotate(String... paths) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] args = new String[paths.length + 1];
    args[0] = "annotate";
    System.arraycopy(paths, 0, args, 1, paths.length);
    return cli.execute(args);
  }

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        nodes.add(Json.MAPPER.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void shouldPrintOneEnrichedRecordPerSeedArticleWithoutKafka() throws Exception {
    assertThat(annotate("../shared/corpus/seeds")).isZero();

    List<JsonNode> records = lines();
    assertThat(records).hasSize(4);
    assertThat(records).allSatisfy(r -> {
      assertThat(r.get("schemaVersion").asInt()).isEqualTo(1);
      assertThat(r.get("text").asText()).isNotBlank();
      assertThat(r.get("publishedAt").asText()).startsWith("20");
      assertThat(r.get("dedup").get("method").asText()).isEqualTo("none");
    });
  }

  @Test
  void shouldDeduplicateFilesGivenTogetherAndNameTheOnesItSkips() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "Original headline\nSame body, \u201cquoted\u201d.");
    Files.writeString(dir.resolve("b.txt"), "Other headline\nSame body, \"quoted\".");
    Files.writeString(dir.resolve("c.json"), "{\"id\":\"c\",\"title\":\"no body\"}");

    assertThat(annotate(dir.toString())).isEqualTo(1);

    List<JsonNode> records = lines();
    assertThat(records).hasSize(2);
    assertThat(records.get(1).get("dedup").get("duplicateOf").asText())
        .isEqualTo(records.get(0).get("id").asText());
    assertThat(err.toString()).contains("c.json").contains("no \"body\"");
  }
}
