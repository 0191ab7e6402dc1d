package io.policywire.deploy;

import static io.policywire.deploy.DeployTools.CHART;
import static io.policywire.deploy.DeployTools.PROJECT;
import static io.policywire.deploy.DeployTools.YAML;
import static io.policywire.deploy.DeployTools.renderChart;
import static io.policywire.deploy.DeployTools.resolvedCompose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * topics/, docker/ and helm/ agree: the same topic definitions, the same application id, and
 * only environment variables that {@link ConfigLoader} accepts.
 */
class DeployConsistencyIT {

  static final Set<String> POLICYWIRE_IMAGE_SERVICES =
      Set.of("topics", "pipeline-1", "pipeline-2", "producer");

  @Test
  void chartCarriesTopicsByteForByte() throws IOException {
    Map<String, byte[]> source = jsonFiles(PROJECT.resolve("topics"));
    Map<String, byte[]> chart = jsonFiles(CHART.resolve("topics"));
    assertThat(source).isNotEmpty();
    assertThat(chart.keySet()).as("run scripts/sync-chart-topics.sh after changing topics/")
        .isEqualTo(source.keySet());
    source.forEach((name, bytes) -> assertThat(chart.get(name))
        .as("helm/policywire/topics/%s differs from topics/%s: run scripts/sync-chart-topics.sh",
            name, name)
        .isEqualTo(bytes));
  }

  @Test
  void renderedTopicConfigMapHoldsEveryTopicDefinition() throws Exception {
    JsonNode data = renderChart().stream()
        .filter(o -> o.at("/metadata/name").asText().equals("pw-policywire-topics")
            && o.get("kind").asText().equals("ConfigMap"))
        .findFirst().orElseThrow().get("data");
    Map<String, byte[]> source = jsonFiles(PROJECT.resolve("topics"));
    assertThat(iterable(data.fieldNames())).containsExactlyInAnyOrderElementsOf(source.keySet());
    for (String file : source.keySet()) {
      assertThat(YAML.readTree(data.get(file).asText()))
          .isEqualTo(YAML.readTree(source.get(file)));
    }
  }

  @Test
  void composeAppliesTheTopicsDirectory() throws Exception {
    JsonNode topics = resolvedCompose().at("/services/topics");
    assertThat(ComposeIT.volumeSources(topics))
        .contains(PROJECT.resolve("topics").toString());
    assertThat(topics.get("volumes").toString()).contains(":/app/topics");
    assertThat(Files.readString(PROJECT.resolve("docker/Dockerfile")))
        .contains("COPY topics/ /app/topics/");
  }

  @Test
  void composeAndChartUseTheDefaultApplicationId() throws Exception {
    String applicationId = ConfigLoader.defaults(Map.of()).applicationId();
    JsonNode services = resolvedCompose().get("services");
    for (String pipeline : List.of("pipeline-1", "pipeline-2")) {
      assertThat(services.at("/" + pipeline + "/environment/POLICYWIRE_APPLICATION_ID").asText())
          .isEqualTo(applicationId);
    }
    assertThat(YAML.readTree(CHART.resolve("values.yaml").toFile())
        .at("/pipeline/applicationId").asText()).isEqualTo(applicationId);
  }

  @Test
  void everyVariableInComposeChartAndDockerfileIsASettingConfigLoaderAccepts() throws Exception {
    Map<String, String> variables = new TreeMap<>();
    JsonNode services = resolvedCompose().get("services");
    for (String service : POLICYWIRE_IMAGE_SERVICES) {
      services.at("/" + service + "/environment").fields()
          .forEachRemaining(e -> variables.put("compose " + service + " " + e.getKey(),
              e.getValue().asText()));
    }
    for (JsonNode object : renderChart(HelmChartIT.EVERYTHING_ON)) {
      String where = "chart " + object.get("kind").asText();
      object.path("data").fields().forEachRemaining(e -> {
        if (object.get("kind").asText().equals("ConfigMap") && !e.getKey().endsWith(".json")) {
          variables.put(where + " " + e.getKey(), e.getValue().asText());
        }
      });
      object.at("/spec/template/spec/containers").forEach(c -> c.path("env").forEach(e ->
          variables.put(where + " " + e.get("name").asText(),
              e.has("value") ? e.get("value").asText() : "from-a-secret")));
    }
    Matcher env = Pattern.compile("\\b(POLICYWIRE_[A-Z0-9_]+)=(\\S+)")
        .matcher(Files.readString(PROJECT.resolve("docker/Dockerfile")));
    while (env.find()) {
      variables.put("Dockerfile " + env.group(1), env.group(2));
    }

    Map<String, String> policywire = new TreeMap<>();
    Set<String> kafka = new HashSet<>();
    variables.forEach((where, value) -> {
      String name = where.substring(where.lastIndexOf(' ') + 1);
      if (name.startsWith(ConfigLoader.ENV_PREFIX)) {
        policywire.put(name, value);
        assertThatCode(() -> ConfigLoader.defaults(Map.of(name, value)))
            .as("%s=%s", where, value).doesNotThrowAnyException();
      } else if (name.startsWith(ConfigLoader.KAFKA_ENV_PREFIX)) {
        kafka.add(name);
      }
    });
    assertThat(policywire).containsKeys("POLICYWIRE_APPLICATION_ID", "POLICYWIRE_HTTP_HOST",
        "POLICYWIRE_STATE_DIR", "POLICYWIRE_BOOTSTRAP_SERVERS");
    assertThat(kafka).contains("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_JAAS_CONFIG");

    Set<String> clientSettings = new HashSet<>();
    clientSettings.addAll(StreamsConfig.configDef().names());
    clientSettings.addAll(ProducerConfig.configNames());
    clientSettings.addAll(ConsumerConfig.configNames());
    clientSettings.addAll(AdminClientConfig.configNames());
    for (String name : kafka) {
      String property = name.substring(ConfigLoader.KAFKA_ENV_PREFIX.length())
          .toLowerCase(Locale.ROOT).replace('_', '.')
          .replaceFirst("^(producer|consumer|admin|main\\.consumer|restore\\.consumer"
              + "|global\\.consumer)\\.", "");
      assertThat(clientSettings).as("%s is not a Kafka client setting", name).contains(property);
    }
  }

  @Test
  void chartReadmeDocumentsEveryValue() throws IOException {
    String readme = Files.readString(CHART.resolve("README.md"));
    List<String> paths = new ArrayList<>();
    leafPaths("", YAML.readTree(CHART.resolve("values.yaml").toFile()), paths);
    assertThat(paths).hasSizeGreaterThan(30);
    for (String path : paths) {
      // a Kubernetes object passed through whole (resources, securityContext) is one row
      boolean documented = false;
      for (String p = path; !documented && !p.isEmpty();
          p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
        documented = readme.contains("| `" + p + "` |");
      }
      assertThat(documented).as("helm/policywire/README.md has a row for `%s`", path).isTrue();
    }
  }

  private static void leafPaths(String prefix, JsonNode node, List<String> out) {
    if (node.isObject() && !node.isEmpty()) {
      node.fields().forEachRemaining(e ->
          leafPaths(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
    } else {
      out.add(prefix);
    }
  }

  /** Topic definitions only: the JSON Schemas beside them are for consumers, not the chart. */
  private static Map<String, byte[]> jsonFiles(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.filter(f -> f.toString().endsWith(".json")
          && !f.toString().endsWith(".schema.json")).toList()) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static <T> List<T> iterable(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
