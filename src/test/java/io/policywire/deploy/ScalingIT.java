package io.policywire.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policywire.cli.Main;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.ArticleTracker;
import io.policywire.kafka.TopicDumper;
import io.policywire.testing.Await;
import io.policywire.testing.TestTopics;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scaling out on one machine, as compose's two pipeline services and the chart's StatefulSet do:
 * two {@code pipeline} processes with the same application id and their own state directory and
 * HTTP port both become ready, Kafka splits the partitions between them, every published article
 * is enriched, and the metrics the Grafana dashboard charts are exposed on {@code /metrics}.
 */
class ScalingIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Path SAMPLES = Path.of("src/main/resources/demo/samples");

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws InterruptedException {
    processes.forEach(Process::destroy);
    for (Process p : processes) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void twoInstancesWithOneApplicationIdShareThePartitionsAndEnrichEveryArticle() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("unused"));
    int[] ports = {freePort(), freePort()};
    for (int i = 0; i < 2; i++) {
      start(config, i, ports[i]);
    }
    for (int port : ports) {
      Await.until(TIMEOUT, () -> status(port, "/health/ready") == 200,
          "instance on port " + port + " to report ready");
    }

    try (Admin admin = TestTopics.admin()) {
      Await.until(TIMEOUT, () -> {
        ConsumerGroupDescription group = admin.describeConsumerGroups(
            List.of(config.applicationId())).all().get().get(config.applicationId());
        Collection<MemberDescription> members = group.members();
        return members.size() == 2 && members.stream()
            .allMatch(m -> !rawPartitions(m, config).isEmpty());
      }, "two group members, each with partitions of the raw topic");
      List<Set<Integer>> split = admin.describeConsumerGroups(List.of(config.applicationId()))
          .all().get().get(config.applicationId()).members().stream()
          .map(m -> rawPartitions(m, config)).toList();
      assertThat(split.get(0)).as("instances own different raw partitions")
          .doesNotContainAnyElementsOf(split.get(1));
      Set<Integer> all = new TreeSet<>(split.get(0));
      all.addAll(split.get(1));
      assertThat(all).as("together all six").containsExactly(0, 1, 2, 3, 4, 5);
    }

    for (int port : ports) {
      assertThat(dockerHealthcheck(port)).as("the image's HEALTHCHECK command on port " + port)
          .isZero();
    }

    assertThat(produce(config, SAMPLES)).isZero();
    TopicDumper dumper = new TopicDumper(config.bootstrapServers(), Map.of());
    Set<String> ids = dumper.read(config.topics().raw(), TIMEOUT).stream()
        .map(l -> l.get("key").asText()).collect(Collectors.toSet());
    assertThat(ids).hasSizeGreaterThanOrEqualTo(8);
    ArticleTracker.Outcome outcome = new ArticleTracker(config.bootstrapServers(), Map.of())
        .await(ids, config.topics().enriched(), config.topics().dlq(), TIMEOUT);
    assertThat(outcome.enriched()).containsExactlyInAnyOrderElementsOf(ids);

    Set<String> missing = dashboardMetricNames();
    for (int port : ports) {
      String metrics = body(port, "/metrics");
      missing.removeIf(name -> metrics.contains("\n" + name + "{")
          || metrics.contains("\n" + name + " "));
    }
    assertThat(missing).as("metrics the Grafana dashboard queries but /metrics lacks").isEmpty();
  }

  private static Set<Integer> rawPartitions(MemberDescription member, PolicywireConfig config) {
    return member.assignment().topicPartitions().stream()
        .filter(tp -> tp.topic().equals(config.topics().raw()))
        .map(tp -> tp.partition()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Runs the Dockerfile's HEALTHCHECK command (bash, /dev/tcp) as the container would. */
  private static int dockerHealthcheck(int port) throws Exception {
    Matcher cmd = Pattern.compile("HEALTHCHECK[^\\n]*\\\\\\n\\s*CMD (\\[.*\\])")
        .matcher(Files.readString(Path.of("docker/Dockerfile")));
    assertThat(cmd.find()).as("HEALTHCHECK ... CMD [...] in docker/Dockerfile").isTrue();
    List<String> command = List.of(new ObjectMapper().readValue(cmd.group(1), String[].class));
    assertThat(command.get(0)).isEqualTo("bash");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("POLICYWIRE_HTTP_PORT", String.valueOf(port));
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  /**
   * Instance 0 runs as PipelineCommandIT does; instance 1 through the Dockerfile's ENTRYPOINT
   * and JAVA_OPTS (only the jar's path changed), as the container would run it.
   */
  private void start(PolicywireConfig config, int instance, int port) throws IOException {
    Path jar = Path.of("target", "policywire.jar").toAbsolutePath();
    List<String> pipeline = List.of("pipeline", "--bootstrap-servers", config.bootstrapServers());
    List<String> command = new ArrayList<>();
    Map<String, String> env = new HashMap<>(Map.of(
        "POLICYWIRE_TOPIC_PREFIX", config.topicPrefix(),
        "POLICYWIRE_APPLICATION_ID", config.applicationId(),
        "POLICYWIRE_STATE_DIR", dir.resolve("state-" + instance).toString(),
        "POLICYWIRE_HTTP_PORT", String.valueOf(port)));
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    if (instance == 0) {
      command.addAll(List.of(javaBin.resolve("java").toString(), "-Xmx384m",
          "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
    } else {
      String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
      Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (\\[.*\\])$").matcher(dockerfile);
      Matcher javaOpts = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(dockerfile);
      assertThat(entrypoint.find()).as("ENTRYPOINT [...] in docker/Dockerfile").isTrue();
      assertThat(javaOpts.find()).as("ENV JAVA_OPTS=\"...\" in docker/Dockerfile").isTrue();
      for (String part : new ObjectMapper().readValue(entrypoint.group(1), String[].class)) {
        command.add(part.replace("/app/policywire.jar", jar.toString()));
      }
      env.put("JAVA_OPTS", javaOpts.group(1) + " -Xmx384m -XX:TieredStopAtLevel=1");
      env.put("PATH", javaBin + File.pathSeparator + System.getenv("PATH"));
    }
    command.addAll(pipeline);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("pipeline-" + instance + ".log").toFile());
    builder.environment().putAll(env);
    processes.add(builder.start());
  }


  private int status(int port, String path) throws InterruptedException {
    for (Process p : processes) {
      assertThat(p.isAlive()).as("pipeline process is alive").isTrue();
    }
    try {
      return http.send(request(port, path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notYetListening) {
      return -1;
    }
  }

  private String body(int port, String path) throws IOException, InterruptedException {
    return http.send(request(port, path), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build();
  }

  /** Metric names in the dashboard's queries (before '{' or ')', outside by (…)), without 'up'. */
  private static Set<String> dashboardMetricNames() throws IOException {
    Set<String> names = new TreeSet<>();
    new ObjectMapper().readTree(Path.of("docker/grafana/dashboards/policywire.json").toFile())
        .get("panels").forEach(panel -> panel.get("targets").forEach(target -> {
          String expr = target.get("expr").asText()
              .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "");
          Matcher m = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*[{)]").matcher(expr);
          while (m.find()) {
            names.add(m.group(1));
          }
        }));
    names.remove("up");
    return names;
  }

  private static int produce(PolicywireConfig config, Path input) throws Exception {
    Path props = Files.createTempFile("policywire", ".properties");
    Files.writeString(props, "topic.prefix=" + config.topicPrefix() + "\n");
    try {
      return Main.commandLine().setErr(new PrintWriter(new StringWriter(), true)).execute(
          "produce", "--bootstrap-servers", config.bootstrapServers(),
          "--config", props.toString(), input.toString());
    } finally {
      Files.delete(props);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
