package io.policywire.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 (a free port) serving what a test puts on it: fixtures from
 * {@code src/test/resources/feeds/} with {@code {{base}}} replaced by the server's own URL, and
 * hand-written handlers for redirects, failures and slow answers. Every request is recorded with
 * its headers. A path with nothing on it is a 404 (so is {@code /robots.txt} by default).
 */
public final class FixtureHttpServer implements AutoCloseable {

  /** What a request got; its headers are the request's. */
  public record Request(String path, Headers headers) {
    public String header(String name) {
      return headers.getFirst(name);
    }
  }

  /** Answers one request. */
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fixture-http");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FixtureHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::dispatch);
    server.setExecutor(executor);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}, no trailing slash. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String url(String path) {
    return base() + path;
  }

  public FixtureHttpServer on(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  /** Serves a fixture with {@code {{base}}} replaced, as {@code contentType}. */
  public FixtureHttpServer fixture(String path, String resource, String contentType) {
    return text(path, fixtureText(resource), contentType);
  }

  public FixtureHttpServer text(String path, String body, String contentType) {
    return on(path, ex -> send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
  }

  /** Serves a fixture with an ETag, answering 304 when the request names it. */
  public FixtureHttpServer withEtag(String path, String resource, String contentType,
      String etag) {
    String body = fixtureText(resource);
    return on(path, ex -> {
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().set("ETag", etag);
      send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
    });
  }

  public FixtureHttpServer redirect(String path, int status, String location) {
    return on(path, ex -> {
      ex.getResponseHeaders().set("Location", location);
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
  }

  public String fixtureText(String resource) {
    try (InputStream in = FixtureHttpServer.class.getResourceAsStream("/feeds/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture feeds/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    if (ex.getRequestURI().getRawQuery() != null) {
      path += "?" + ex.getRequestURI().getRawQuery();
    }
    requests.add(new Request(path, ex.getRequestHeaders()));
    try {
      Handler handler = routes.get(path);
      if (handler == null) {
        send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      } else {
        handler.handle(ex);
      }
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
