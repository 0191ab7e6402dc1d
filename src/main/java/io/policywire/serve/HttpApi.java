package io.policywire.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's HTTP server: {@code /health/live}, {@code /health/ready} and {@code /metrics}
 * (Prometheus text). Built on the JDK's own {@code com.sun.net.httpserver}, which needs no
 * dependency and is enough for a handful of GET endpoints.
 */
public final class HttpApi implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on host:port (port 0 picks a free one). */
  public static HttpApi start(String host, int port, Health health,
      PrometheusMeterRegistry registry) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve HTTP on " + host + ":" + port
          + " (" + e.getMessage() + "); set http.port or POLICYWIRE_HTTP_PORT", e);
    }
    server.createContext("/health/live", get(ex -> status(ex, health.live(), health.state())));
    server.createContext("/health/ready", get(ex -> status(ex, health.ready(), health.state())));
    server.createContext("/metrics", get(ex -> send(ex, 200, PROMETHEUS_TEXT, registry.scrape())));
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "policywire-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
    LOG.info("HTTP on http://{}:{}/", host, server.getAddress().getPort());
    return new HttpApi(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void status(HttpExchange ex, boolean ok, String state) throws IOException {
    String body = "{\"status\":\"" + (ok ? "UP" : "DOWN") + "\",\"state\":\"" + state + "\"}\n";
    send(ex, ok ? 200 : 503, "application/json", body);
  }

  private static HttpHandler get(HttpHandler handler) {
    return ex -> {
      try (ex) {
        if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
          ex.getResponseHeaders().set("Allow", "GET, HEAD");
          send(ex, 405, "text/plain", "method not allowed\n");
          return;
        }
        handler.handle(ex);
      } catch (RuntimeException e) {
        LOG.warn("HTTP {} failed", ex.getRequestURI().getPath(), e);
      }
    };
  }

  private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(code, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
