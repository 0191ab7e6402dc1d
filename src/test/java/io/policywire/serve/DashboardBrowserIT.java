package io.policywire.serve;

import static io.policywire.serve.ServeFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.PolicywireConfig;
import io.policywire.model.ActionMention;
import io.policywire.model.RawArticle;
import io.policywire.pipeline.Enricher;
import io.policywire.pipeline.PipelineRunner;
import io.policywire.testing.Await;
import io.policywire.testing.TestTopics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless browser (Debian's chromium driven by playwright-core, both
 * installed by {@code scripts/install-test-tools.sh}): the page is open and following the live
 * feed when an article reporting a new regulatory action is published, and the action, its alert
 * and the article's story appear without a reload. Everything on the page comes from the real
 * pipeline: the action id the page must show is the one the same detector gives the article
 * without Kafka ({@link Enricher}).
 */
class DashboardBrowserIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Path PLAYWRIGHT_CORE =
      Path.of(".tools/browser/node_modules/playwright-core").toAbsolutePath();
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String ARTICLE = "The Commerce Department on Monday ordered ByteDance to "
      + "divest the US operations of TikTok within 90 days, citing national security concerns. "
      + "The order, signed by the secretary, follows a months-long review by the Committee on "
      + "Foreign Investment in the United States and can be appealed in federal court.";

  @TempDir Path dir;
  private PipelineRunner runner;
  private Process browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.destroyForcibly();
    }
    if (runner != null) {
      runner.close();
    }
  }

  @Test
  void shouldShowANewRegulatoryActionOnTheOpenDashboardWithoutAReload() throws Exception {
    assertThat(PLAYWRIGHT_CORE.resolve("package.json")).as("playwright-core; "
        + "scripts/install-test-tools.sh installs it").exists();
    assertThat(CHROMIUM).as("Debian's chromium; scripts/install-test-tools.sh installs it")
        .exists();
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("state"));
    runner = PipelineRunner.start(config, true);
    int port = runner.httpPort();
    Await.until(TIMEOUT, () -> get(port, "/health/ready").statusCode() == 200, "ready");

    String title = "US orders ByteDance to sell TikTok " + UUID.randomUUID().toString()
        .substring(0, 8);
    RawArticle article = ServeFixtures.article("e2e-article", title, ARTICLE);
    List<ActionMention> detected = new Enricher(config).enrich(article).actions();
    assertThat(detected).as("the detector finds the action the page must show").isNotEmpty();
    String actionId = detected.get(0).id();
    String actionType = detected.get(0).type();
    Path log = dir.resolve("browser.log");
    ProcessBuilder node = new ProcessBuilder("node",
        Path.of("src/test/resources/browser/dashboard-e2e.cjs").toAbsolutePath().toString(),
        "http://127.0.0.1:" + port + "/", actionId, title)
        .redirectError(log.toFile());
    node.environment().put("PLAYWRIGHT_CORE", PLAYWRIGHT_CORE.toString());
    node.environment().put("CHROMIUM", CHROMIUM.toString());
    node.environment().put("SCREENSHOT", Path.of("target", "dashboard-e2e.png").toAbsolutePath()
        .toString());
    browser = node.start();
    BlockingQueue<String> out = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(
        browser.getInputStream(), StandardCharsets.UTF_8)).lines().forEach(out::add));
    reader.setDaemon(true);
    reader.start();
    String first = out.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(first).as(() -> "the page is open and live; browser log:\n" + read(log))
        .isEqualTo("READY");

    ServeFixtures.send(config, config.topics().raw(), "e2e-article", article);

    boolean exited = browser.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    reader.join(5000);
    String browserLog = read(log);
    assertThat(exited).as("the browser script finished; its log:%n%s", browserLog).isTrue();
    assertThat(browser.exitValue()).as("browser script exit; its log:%n%s", browserLog).isZero();
    List<String> lines = List.copyOf(out);
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("SEEN ")
        .contains(actionType).contains("org:bytedance"));
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (java.io.IOException e) {
      return "(unreadable log: " + e + ")";
    }
  }
}
