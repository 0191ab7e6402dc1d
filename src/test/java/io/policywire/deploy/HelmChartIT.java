package io.policywire.deploy;

import static io.policywire.deploy.DeployTools.CHART;
import static io.policywire.deploy.DeployTools.documents;
import static io.policywire.deploy.DeployTools.helm;
import static io.policywire.deploy.DeployTools.ok;
import static io.policywire.deploy.DeployTools.renderChart;
import static io.policywire.deploy.DeployTools.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The Helm chart lints, renders, and renders what a Kafka Streams application needs. */
class HelmChartIT {

  static final String[] EVERYTHING_ON = {
      "--set", "kafka.sasl.enabled=true,kafka.sasl.existingSecret=kafka-sasl",
      "--set", "kafka.tls.enabled=true,kafka.tls.existingSecret=kafka-tls,"
          + "kafka.tls.keystoreKey=keystore.p12,kafka.securityProtocol=SASL_SSL",
      "--set", "metrics.serviceMonitor.enabled=true,topics.replicationFactor=1",
      "--set-string", "kafka.extraProperties.producer\\.linger\\.ms=20"};

  @Test
  void shouldLint() throws Exception {
    ok(helm(), "lint", "--strict", CHART);
    List<Object> everythingOn = new ArrayList<>(List.of(helm(), "lint", "--strict", CHART));
    everythingOn.addAll(List.of(EVERYTHING_ON));
    ok(everythingOn.toArray());
  }

  @Test
  void shouldRenderStatefulSetWithStateVolumeProbesAndHeadlessService() throws Exception {
    Map<String, JsonNode> objects = byKindAndName(renderChart());
    assertThat(objects).containsOnlyKeys("StatefulSet/pw-policywire", "Service/pw-policywire",
        "Service/pw-policywire-headless", "PodDisruptionBudget/pw-policywire",
        "ConfigMap/pw-policywire", "ConfigMap/pw-policywire-topics", "Job/pw-policywire-topics");

    JsonNode sts = objects.get("StatefulSet/pw-policywire");
    assertThat(sts.at("/spec/serviceName").asText()).isEqualTo("pw-policywire-headless");
    assertThat(sts.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(sts.at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("state");
    JsonNode container = sts.at("/spec/template/spec/containers/0");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
    assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    assertThat(texts(container.at("/volumeMounts"), "mountPath"))
        .contains("/var/lib/policywire", "/tmp");
    assertThat(sts.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();

    JsonNode headless = objects.get("Service/pw-policywire-headless");
    assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
    assertThat(headless.at("/spec/selector")).isEqualTo(sts.at("/spec/selector/matchLabels"));
    assertThat(objects.get("Service/pw-policywire").at("/spec/selector"))
        .isEqualTo(sts.at("/spec/selector/matchLabels"));
    JsonNode pdb = objects.get("PodDisruptionBudget/pw-policywire");
    assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(sts.at("/spec/selector/matchLabels"));
    assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);

    JsonNode settings = objects.get("ConfigMap/pw-policywire").get("data");
    assertThat(settings.get("POLICYWIRE_HTTP_HOST").asText()).isEqualTo("0.0.0.0");
    assertThat(settings.get("POLICYWIRE_STATE_DIR").asText()).startsWith("/var/lib/policywire/");
    // a quarter of the 2 GiB limit for the heap, the rest for RocksDB and the JVM itself
    assertThat(settings.get("JAVA_OPTS").asText()).contains("-XX:MaxRAMPercentage=25");
    assertThat(settings.get("POLICYWIRE_STATE_MEMORY_MB").asText()).isEqualTo("256");
    assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("pw-policywire");
  }

  @Test
  void shouldProvisionTopicsInAHookJobBeforeInstallAndUpgrade() throws Exception {
    Map<String, JsonNode> objects = byKindAndName(renderChart());
    JsonNode job = objects.get("Job/pw-policywire-topics");
    assertThat(job.at("/metadata/annotations/helm.sh~1hook").asText())
        .isEqualTo("pre-install,pre-upgrade");
    JsonNode topics = objects.get("ConfigMap/pw-policywire-topics");
    assertThat(topics.at("/metadata/annotations/helm.sh~1hook-weight").asInt())
        .isLessThan(job.at("/metadata/annotations/helm.sh~1hook-weight").asInt());
    List<String> args = texts(job.at("/spec/template/spec/containers/0/args"), null);
    assertThat(args).containsSequence("topics", "apply")
        .containsSequence("--topics-dir", "/etc/policywire/topics")
        .doesNotContain("--replication-factor");
    assertThat(job.at("/spec/template/spec/volumes/0/configMap/name").asText())
        .isEqualTo("pw-policywire-topics");

    assertThat(renderChart("--set", "topics.provision=false"))
        .noneMatch(o -> o.get("kind").asText().equals("Job"));
  }

  @Test
  void shouldTakeSaslAndTlsSecretsByReferenceOnly() throws Exception {
    Map<String, JsonNode> objects = byKindAndName(renderChart(EVERYTHING_ON));
    assertThat(objects).containsKey("ServiceMonitor/pw-policywire");
    assertThat(objects).noneSatisfy((name, o) -> assertThat(name).startsWith("Secret/"));
    JsonNode container = objects.get("StatefulSet/pw-policywire")
        .at("/spec/template/spec/containers/0");
    Map<String, String> secretRefs = StreamSupport.stream(container.get("env").spliterator(), false)
        .collect(Collectors.toMap(e -> e.get("name").asText(),
            e -> e.at("/valueFrom/secretKeyRef/name").asText()));
    assertThat(secretRefs).containsEntry("KAFKA_SASL_JAAS_CONFIG", "kafka-sasl")
        .containsEntry("KAFKA_SSL_TRUSTSTORE_PASSWORD", "kafka-tls")
        .containsEntry("KAFKA_SSL_KEYSTORE_PASSWORD", "kafka-tls");
    assertThat(texts(container.at("/volumeMounts"), "mountPath")).contains("/etc/policywire/tls");
    JsonNode settings = objects.get("ConfigMap/pw-policywire").get("data");
    assertThat(settings.get("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
    assertThat(settings.get("KAFKA_SSL_TRUSTSTORE_LOCATION").asText())
        .isEqualTo("/etc/policywire/tls/truststore.p12");
    assertThat(settings.get("KAFKA_PRODUCER_LINGER_MS").asText()).isEqualTo("20");

    JsonNode job = objects.get("Job/pw-policywire-topics");
    assertThat(texts(job.at("/spec/template/spec/containers/0/env"), "name"))
        .contains("KAFKA_SASL_JAAS_CONFIG", "KAFKA_SECURITY_PROTOCOL", "POLICYWIRE_APPLICATION_ID");
    assertThat(texts(job.at("/spec/template/spec/containers/0/args"), null))
        .containsSequence("--replication-factor", "1");
  }

  @Test
  void shouldRefuseSaslWithoutASecretName() throws Exception {
    DeployTools.Result result = run(helm(), "template", "pw", CHART,
        "--set", "kafka.sasl.enabled=true");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.errors()).contains("kafka.sasl.existingSecret is required");
  }

  @Test
  void shouldRenderYamlThatYamllintAccepts() throws Exception {
    for (String[] values : List.of(new String[0], EVERYTHING_ON)) {
      List<Object> template = new ArrayList<>(List.of(helm(), "template", "pw", CHART));
      template.addAll(List.of(values));
      String rendered = ok(template.toArray());
      assertThat(documents(rendered)).isNotEmpty();
      Path file = Files.createTempFile("rendered", ".yaml");
      try {
        Files.writeString(file, rendered);
        ok(DeployTools.yamllint(), "-s", "-d", DeployTools.YAMLLINT_CONFIG, file);
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  @Test
  void shouldRenderObjectsThatMatchTheKubernetesApiSchemas() throws Exception {
    for (String[] values : List.of(new String[0], EVERYTHING_ON)) {
      List<JsonNode> objects = renderChart(values);
      Path json = Files.createTempFile("rendered", ".json");
      try {
        new ObjectMapper().writeValue(json.toFile(), objects);
        String report = ok(DeployTools.node(), DeployTools.PROJECT.resolve(
            "helm/tools/validate-objects.mjs"), DeployTools.kubernetesModels(), json);
        assertThat(report).contains("valid StatefulSet/pw-policywire",
            "valid Job/pw-policywire-topics", "valid PodDisruptionBudget/pw-policywire",
            "valid Service/pw-policywire-headless").doesNotContain("INVALID");
      } finally {
        Files.deleteIfExists(json);
      }
    }
  }

  static Map<String, JsonNode> byKindAndName(List<JsonNode> objects) {
    return objects.stream().collect(Collectors.toMap(
        o -> o.get("kind").asText() + "/" + o.at("/metadata/name").asText(), o -> o));
  }

  /** The text of each element of an array, or of each element's field. */
  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(field == null ? e.asText() : e.path(field).asText()));
    return out;
  }
}
