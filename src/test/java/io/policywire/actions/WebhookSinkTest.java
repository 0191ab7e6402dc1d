package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.policywire.kafka.Json;
import io.policywire.model.Alert;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {

  private static final Alert ALERT = new Alert("act:us:fine:us-ftc:meta:2020-12", "FINE",
      "gov:us-ftc", List.of("org:meta"), "US", "2020-12-09", Alert.NEW, "ENACTED", null,
      "The FTC fined Meta.", "a1", "2020-12-10T00:00:00Z", false, List.of("r1"));

  private HttpServer server;
  private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> keys = new CopyOnWriteArrayList<>();
  private final List<String> dead = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();
  private URI hook;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      Integer status = statuses.poll();
      exchange.sendResponseHeaders(status == null ? 204 : status, -1);
      exchange.close();
    });
    server.start();
    hook = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private WebhookSink sink() {
    return new WebhookSink(4, Duration.ofSeconds(1), Duration.ofSeconds(5),
        (alert, url, reason) -> dead.add(alert.id() + " " + reason), sleeps::add);
  }

  @Test
  void shouldPostTheAlertAsJsonWithAnIdempotencyKey() throws Exception {
    AlertPoster.Delivery d = sink().post(ALERT, hook);
    assertThat(d.delivered()).isTrue();
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(Json.MAPPER.readValue(bodies.get(0), Alert.class)).isEqualTo(ALERT);
    assertThat(keys).containsExactly("act:us:fine:us-ftc:meta:2020-12/NEW/ENACTED");
    assertThat(dead).isEmpty();
  }

  @Test
  void shouldRetryPassingFailuresWithDoublingBackoff() throws Exception {
    statuses.add(503);
    statuses.add(429);
    AlertPoster.Delivery d = sink().post(ALERT, hook);
    assertThat(d.delivered()).isTrue();
    assertThat(d.attempts()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void shouldDeadLetterARefusalAtOnce() throws Exception {
    statuses.add(400);
    AlertPoster.Delivery d = sink().post(ALERT, hook);
    assertThat(d.delivered()).isFalse();
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(dead).containsExactly(ALERT.id() + " HTTP 400");
  }

  @Test
  void shouldDeadLetterAfterTheLastAttemptWhenTheHostIsDown() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    AlertPoster.Delivery d = sink().post(ALERT, URI.create("http://127.0.0.1:" + port + "/x"));
    assertThat(d.delivered()).isFalse();
    assertThat(d.attempts()).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
    assertThat(dead).singleElement().asString().contains("after 4 attempts");
  }
}
