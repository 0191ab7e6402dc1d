package io.policywire.deploy;

import static io.policywire.deploy.DeployTools.COMPOSE;
import static io.policywire.deploy.DeployTools.PROJECT;
import static io.policywire.deploy.DeployTools.YAML;
import static io.policywire.deploy.DeployTools.dockerCompose;
import static io.policywire.deploy.DeployTools.ok;
import static io.policywire.deploy.DeployTools.resolvedCompose;
import static io.policywire.deploy.DeployTools.yamllint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docker/: the compose file validates, and wires Kafka, topics, pipelines and monitoring. */
class ComposeIT {

  @Test
  void shouldValidateWithDockerCompose() throws Exception {
    ok(dockerCompose(), "-f", COMPOSE, "config", "-q");
  }

  @Test
  void shouldPassYamllint() throws Exception {
    List<Object> command = new ArrayList<>(List.of(yamllint(), "-s", "-d",
        DeployTools.YAMLLINT_CONFIG));
    try (Stream<Path> files = Stream.concat(Files.walk(PROJECT.resolve("docker")),
        Stream.of(PROJECT.resolve("helm/policywire/values.yaml"),
            PROJECT.resolve("helm/policywire/Chart.yaml")))) {
      files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .forEach(command::add);
    }
    assertThat(command).hasSizeGreaterThan(7);
    ok(command.toArray());
  }

  @Test
  void shouldRunKraftKafkaThenTopicsThenTwoPipelinesSharingTheApplicationId() throws Exception {
    JsonNode services = resolvedCompose().get("services");
    assertThat(services.get("kafka").get("image").asText()).startsWith("apache/kafka:4.");
    assertThat(services.at("/kafka/environment/KAFKA_PROCESS_ROLES").asText())
        .isEqualTo("broker,controller");
    assertThat(services.at("/kafka/healthcheck/test").toString())
        .contains("kafka-broker-api-versions.sh");

    JsonNode topics = services.get("topics");
    assertThat(HelmChartIT.texts(topics.get("command"), null)).containsSequence("topics", "apply")
        .containsSequence("--replication-factor", "1")
        .containsSequence("--topics-dir", "/app/topics");
    assertThat(topics.at("/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");

    JsonNode one = services.get("pipeline-1");
    JsonNode two = services.get("pipeline-2");
    for (JsonNode pipeline : List.of(one, two)) {
      assertThat(HelmChartIT.texts(pipeline.get("command"), null)).containsExactly("pipeline");
      assertThat(pipeline.at("/depends_on/topics/condition").asText())
          .isEqualTo("service_completed_successfully");
      assertThat(pipeline.at("/environment/POLICYWIRE_HTTP_HOST").asText()).isEqualTo("0.0.0.0");
      assertThat(pipeline.at("/environment/POLICYWIRE_STATE_DIR").asText())
          .startsWith("/var/lib/policywire/");
    }
    assertThat(one.at("/environment/POLICYWIRE_APPLICATION_ID"))
        .isEqualTo(two.at("/environment/POLICYWIRE_APPLICATION_ID"));
    assertThat(volumeSources(one)).doesNotContainAnyElementsOf(volumeSources(two));

    assertThat(HelmChartIT.texts(services.at("/producer/command"), null))
        .contains("produce", "/app/samples");
    assertThat(services.has("prometheus")).isTrue();
    assertThat(services.has("grafana")).isTrue();
  }

  @Test
  void shouldScrapeBothPipelinesAndProvisionGrafana() throws Exception {
    JsonNode prometheus = YAML.readTree(PROJECT.resolve("docker/prometheus.yml").toFile());
    JsonNode job = prometheus.at("/scrape_configs/0");
    assertThat(job.get("metrics_path").asText()).isEqualTo("/metrics");
    assertThat(HelmChartIT.texts(job.at("/static_configs/0/targets"), null))
        .containsExactlyInAnyOrder("pipeline-1:8080", "pipeline-2:8080");

    JsonNode datasource = YAML.readTree(
        PROJECT.resolve("docker/grafana/provisioning/datasources/prometheus.yml").toFile())
        .at("/datasources/0");
    assertThat(datasource.get("url").asText()).isEqualTo("http://prometheus:9090");
    JsonNode dashboard = new ObjectMapper().readTree(
        PROJECT.resolve("docker/grafana/dashboards/policywire.json").toFile());
    assertThat(dashboard.get("panels")).isNotEmpty();
    dashboard.get("panels").forEach(panel -> {
      assertThat(panel.at("/datasource/uid").asText()).isEqualTo(datasource.get("uid").asText());
      assertThat(panel.at("/targets/0/expr").asText()).isNotBlank();
    });
  }

  /** Named volumes and bind-mount sources of a service. */
  static List<String> volumeSources(JsonNode service) {
    List<String> sources = new ArrayList<>();
    service.path("volumes").forEach(v -> sources.add(
        v.isTextual() ? v.asText().split(":")[0] : v.path("source").asText()));
    return sources;
  }
}
