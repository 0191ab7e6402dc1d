package io.policywire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.TopicDumper;
import io.policywire.testing.Await;
import io.policywire.testing.FixtureHttpServer;
import io.policywire.testing.TestTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code produce --feed} on a real broker, against feeds and pages served on 127.0.0.1: each
 * item lands on the raw topic once, however often the command runs, failures are named and do
 * not stop the other feeds, and {@code --poll} runs until SIGTERM.
 */
class ProduceFeedIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String RSS = "application/rss+xml";

  @TempDir Path dir;

  private FixtureHttpServer server;

  @BeforeEach
  void start() {
    server = new FixtureHttpServer();
    for (int i = 1; i <= 4; i++) {
      server.fixture("/articles/" + i + ".html", "article-" + i + ".html", "text/html");
    }
    server.fixture("/rss.xml", "rss.xml", RSS);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldPublishEachItemOnceWithTheFeedsMetadataHoweverOftenItRuns() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("state"));
    StringWriter err = new StringWriter();

    assertThat(produce(config, err, "--feed", server.url("/rss.xml"))).isZero();
    assertThat(produce(config, err, "--feed", server.url("/rss.xml"))).isZero();

    List<ObjectNode> raw = new TopicDumper(config.bootstrapServers(), Map.of())
        .read(config.topics().raw(), TIMEOUT);
    assertThat(raw).hasSize(3);
    JsonNode article = raw.stream().map(l -> l.get("value"))
        .filter(v -> v.get("url").asText().endsWith("/articles/3.html")).findFirst().orElseThrow();
    assertThat(article.get("contentType").asText()).isEqualTo("text/html");
    assertThat(article.get("source").asText()).isEqualTo("Policy Desk");
    assertThat(article.get("title").asText()).isEqualTo("Regulator opens review of cloud gaming deal");
    assertThat(article.get("author").asText()).isEqualTo("Ana Ruiz");
    assertThat(article.get("publishedAt").asText()).isEqualTo("2026-03-04T09:30:00Z");
    assertThat(article.get("body").asText()).contains("Fixture article 3");
    assertThat(err.toString()).contains("items: 3 published").contains("items: 0 published");
    assertThat(server.requests("/articles/3.html")).hasSize(1);
  }

  @Test
  void shouldNameTheFailingFeedExitOneAndStillPublishTheOthers() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("state"));
    server.fixture("/broken.xml", "malformed.xml", RSS);
    Path feeds = dir.resolve("feeds.txt");
    Files.writeString(feeds, "# two feeds\n" + server.url("/broken.xml") + "\n"
        + server.url("/rss.xml") + "\n");
    StringWriter err = new StringWriter();

    int code = produce(config, err, "--feeds", feeds.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains(server.url("/broken.xml") + ": not a readable RSS or Atom feed")
        .contains("1 failed; items: 3 published");
    assertThat(new TopicDumper(config.bootstrapServers(), Map.of())
        .read(config.topics().raw(), TIMEOUT)).hasSize(3);
  }

  @Test
  void shouldKeepPollingUntilSigtermAndThenStopCleanly() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("unused"));
    Path log = dir.resolve("produce.log");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-jar", Path.of("target", "policywire.jar").toString(), "produce",
        "--bootstrap-servers", config.bootstrapServers(),
        "--feed", server.url("/rss.xml"), "--poll", "200ms", "--host-interval", "0s",
        "--state-dir", dir.resolve("feeds").toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("POLICYWIRE_TOPIC_PREFIX", config.topicPrefix());
    Process process = builder.start();
    TopicDumper dumper = new TopicDumper(config.bootstrapServers(), Map.of());
    try {
      Await.until(TIMEOUT, () -> dumper.read(config.topics().raw(), TIMEOUT).size() == 3,
          "the feed's three items on the raw topic");
      server.fixture("/rss.xml", "rss-updated.xml", RSS);
      Await.until(TIMEOUT, () -> dumper.read(config.topics().raw(), TIMEOUT).size() == 4,
          "the item added to the feed, published by a later poll");

      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops within a minute").isTrue();
      assertThat(process.exitValue()).isEqualTo(143);
      assertThat(Files.readString(log)).contains("items: 4 published")
          .contains("published 4 articles to " + config.topics().raw());
      assertThat(dumper.read(config.topics().raw(), TIMEOUT)).hasSize(4);
    } finally {
      process.destroyForcibly();
    }
  }

  private static int produce(PolicywireConfig config, StringWriter err, String... options)
      throws Exception {
    Path props = Files.createTempFile("policywire", ".properties");
    Files.writeString(props, "topic.prefix=" + config.topicPrefix() + "\n");
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of("produce",
        "--bootstrap-servers", config.bootstrapServers(), "--config", props.toString(),
        "--state-dir", config.stateDir().resolve("feeds").toString(), "--host-interval", "0s"));
    args.addAll(List.of(options));
    try {
      return cli.execute(args.toArray(String[]::new));
    } finally {
      Files.delete(props);
    }
  }
}
