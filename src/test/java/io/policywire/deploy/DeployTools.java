package io.policywire.deploy;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tools the deploy tests drive ({@code helm}, {@code docker-compose},
 * {@code yamllint}), installed by {@code scripts/install-test-tools.sh}, and YAML parsing.
 */
final class DeployTools {

  static final Path PROJECT = Path.of("").toAbsolutePath();
  static final Path CHART = PROJECT.resolve("helm/policywire");
  static final Path COMPOSE = PROJECT.resolve("docker/compose.yaml");
  static final YAMLMapper YAML = new YAMLMapper();

  /** Relaxed for long lines (JVM flags, helm labels); strict on syntax and whitespace. */
  static final String YAMLLINT_CONFIG = "{extends: default, rules: {line-length: {max: 160},"
      + " indentation: {indent-sequences: whatever}, document-start: disable,"
      + " comments: {min-spaces-from-content: 1}}}";

  private DeployTools() {}

  record Result(int exitCode, String output, String errors) {}

  static Path helm() {
    Path cached = PROJECT.resolve(".tools/helm/helm");
    if (Files.isExecutable(cached)) {
      return cached;
    }
    return onPath("helm");
  }

  static Path dockerCompose() {
    return onPath("docker-compose");
  }

  static Path yamllint() {
    return onPath("yamllint");
  }

  static Path node() {
    return onPath("node");
  }

  /** npm's kubernetes-models, installed into .tools/node by scripts/install-test-tools.sh. */
  static Path kubernetesModels() {
    Path models = PROJECT.resolve(".tools/node/node_modules/kubernetes-models");
    if (!Files.isRegularFile(models.resolve("package.json"))) {
      fail("npm package kubernetes-models is not in " + models + ": run scripts/test.sh (it runs"
          + " scripts/install-test-tools.sh, which installs it) rather than mvn verify alone");
    }
    return models;
  }

  private static Path onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail("'" + tool + "' is not installed: run scripts/test.sh (it runs"
        + " scripts/install-test-tools.sh, which installs it) rather than mvn verify alone");
  }

  /** Runs a command in the project directory. */
  static Result run(Object... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    for (Object part : command) {
      args.add(part.toString());
    }
    Path out = Files.createTempFile("deploy-tool", ".out");
    Path err = Files.createTempFile("deploy-tool", ".err");
    try {
      Process process = new ProcessBuilder(args).directory(PROJECT.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", args) + " did not finish within 120 s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Runs a command that must succeed; its output. */
  static String ok(Object... command) throws IOException, InterruptedException {
    Result result = run(command);
    if (result.exitCode() != 0) {
      fail(String.join(" ", List.of(command).stream().map(Object::toString).toList())
          + " exited " + result.exitCode() + ":\n" + result.output() + result.errors());
    }
    return result.output();
  }

  /** Every non-empty document of a multi-document YAML stream. */
  static List<JsonNode> documents(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (JsonParser parser = YAML.getFactory().createParser(yaml);
        MappingIterator<JsonNode> it = YAML.readValues(parser, JsonNode.class)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  /** {@code helm template} of the chart with extra arguments (e.g. --set), parsed. */
  static List<JsonNode> renderChart(String... extraArgs) throws IOException, InterruptedException {
    List<Object> command = new ArrayList<>(List.of(helm(), "template", "pw", CHART));
    command.addAll(List.of(extraArgs));
    return documents(ok(command.toArray()));
  }

  /** {@code docker-compose config}: the compose file resolved (anchors, merges), parsed. */
  static JsonNode resolvedCompose() throws IOException, InterruptedException {
    return YAML.readTree(ok(dockerCompose(), "-f", COMPOSE, "config"));
  }
}
