package io.policywire.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpApiTest {

  private final AtomicReference<String> state = new AtomicReference<>("REBALANCING");
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpApi api;

  @BeforeEach
  void start() {
    Health health = new Health() {
      @Override
      public String state() {
        return state.get();
      }

      @Override
      public boolean live() {
        return !state.get().equals("ERROR");
      }

      @Override
      public boolean ready() {
        return state.get().equals("RUNNING");
      }
    };
    api = HttpApi.start("127.0.0.1", 0, health, registry);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldBeLiveButNotReadyWhileRebalancing() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"state\":\"REBALANCING\"");
  }

  @Test
  void shouldBeReadyWhenRunningAndNotLiveOnError() throws Exception {
    state.set("RUNNING");
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    state.set("ERROR");
    assertThat(get("/health/live").statusCode()).isEqualTo(503);
  }

  @Test
  void shouldServeMetricsInPrometheusText() throws Exception {
    registry.counter("policywire.test.events").increment(3);

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain"));
    assertThat(metrics.body()).contains("policywire_test_events_total 3.0");
  }

  @Test
  void shouldServeTheDashboardAndAnswer503FromTheApiUntilThePipelineIsAttached() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"app.js\">").contains("id=\"actions\"");
    assertThat(get("/app.js").headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).contains("javascript"));

    HttpResponse<String> api = get("/api/articles/a-1");
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(api.headers().firstValue("Retry-After")).contains("1");
    assertThat(api.body()).contains("starting");
  }

  @Test
  void shouldRejectWritesAndUnknownPaths() throws Exception {
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + api.port() + "/metrics"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }
}
