package io.policywire.serve;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.policywire.model.Story;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's HTTP server (Javalin on Jetty): health, Prometheus metrics, the query API over
 * the {@link ServeStage} stores, a server-sent-events feed and the dashboard page.
 *
 * <pre>
 * GET /health/live  /health/ready  /metrics
 * GET /api/articles/{id}            an enriched article
 * GET /api/stories/{id}             a story with its copies
 * GET /api/stories?limit=           the latest stories
 * GET /api/entities/{id}            an entity profile (news.entities)
 * GET /api/entities/top?from=&amp;to=&amp;limit=   entities by articles mentioning them, with stances
 * GET /api/actions/{id}             a regulatory action
 * GET /api/actions?since=&amp;limit=   regulatory actions since a time, newest first
 * GET /api/alerts?since=&amp;limit=    alerts since a time
 * GET /api/instances                the instances and what each hosts
 * GET /api/live                     text/event-stream: story, action and alert events
 * GET /                             the dashboard
 * </pre>
 *
 * The server starts before Streams (its port becomes {@code application.server}); the API answers
 * 503 until {@link #attach} hands it the stores.
 */
public final class HttpApi implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String JSON = "application/json";
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 500;

  private final Javalin app;
  private volatile Health health = Health.STARTING;
  private volatile Backend backend;

  /** What the API reads: the router, this instance's stores and the live feed. */
  public record Backend(QueryRouter router, LocalStores stores, LiveFeed feed) {}

  private HttpApi(String host, int port, PrometheusMeterRegistry registry) {
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.http.prefer405over404 = true;
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/dashboard";
        files.location = Location.CLASSPATH;
      });
      config.routes.get("/health/live", ctx -> status(ctx, health.live()));
      config.routes.get("/health/ready", ctx -> status(ctx, health.ready()));
      config.routes.get("/metrics",
          ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
      config.routes.get("/api/instances", ctx -> json(ctx, backend().router().instances()));
      config.routes.get("/api/articles/{id}", ctx -> byKey(ctx, ServeStage.ARTICLES,
          id -> backend().stores().article(id)));
      config.routes.get("/api/stories", this::recentStories);
      config.routes.get("/api/stories/{id}", ctx -> byKey(ctx, ServeStage.STORIES,
          id -> backend().stores().story(id)));
      config.routes.get("/api/entities/top", this::topEntities);
      config.routes.get("/api/entities/{id}", ctx -> byKey(ctx, ServeStage.ENTITIES,
          id -> backend().stores().entity(id)));
      config.routes.get("/api/actions", ctx -> since(ctx, ServeStage.ACTIONS));
      config.routes.get("/api/actions/{id}", ctx -> byKey(ctx, ServeStage.ACTIONS,
          id -> backend().stores().action(id).map(t -> LocalStores.Served.of(id, t))));
      config.routes.get("/api/alerts", ctx -> since(ctx, ServeStage.ALERTS));
      config.routes.sse("/api/live", this::live);
      config.routes.exception(QueryRouter.Unavailable.class, (e, ctx) -> unavailable(ctx, e));
      config.routes.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, e));
      config.routes.exception(StreamsNotStartedException.class, (e, ctx) -> unavailable(ctx, e));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
          ctx.status(HttpStatus.BAD_REQUEST).contentType(JSON)
              .result(QueryRouter.error(e.getMessage())));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.warn("HTTP {} failed", ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(JSON)
            .result(QueryRouter.error(e.toString()));
      });
    });
  }

  /** Starts serving on host:port (port 0 picks a free one). */
  public static HttpApi start(String host, int port, PrometheusMeterRegistry registry) {
    HttpApi api = new HttpApi(host, port, registry);
    try {
      api.app.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot serve HTTP on " + host + ":" + port
          + " (" + e.getMessage() + "); set http.port or POLICYWIRE_HTTP_PORT", e);
    }
    LOG.info("HTTP on http://{}:{}/", host, api.port());
    return api;
  }

  /** Health and metrics only, as before Streams exists (tests). */
  public static HttpApi start(String host, int port, Health health,
      PrometheusMeterRegistry registry) {
    HttpApi api = start(host, port, registry);
    api.health = health;
    return api;
  }

  /** Connects the running pipeline: health from now on reflects it, and the API answers. */
  public void attach(Health health, Backend backend) {
    this.health = health;
    this.backend = backend;
  }

  public int port() {
    return app.port();
  }

  private Backend backend() {
    Backend b = backend;
    if (b == null) {
      throw new QueryRouter.Unavailable("the pipeline is starting");
    }
    return b;
  }

  private void status(Context ctx, boolean ok) {
    ctx.status(ok ? 200 : 503).contentType(JSON)
        .result("{\"status\":\"" + (ok ? "UP" : "DOWN") + "\",\"state\":\"" + health.state()
            + "\"}\n");
  }

  private interface KeyLookup {
    Optional<?> find(String id);
  }

  private void byKey(Context ctx, String store, KeyLookup lookup) {
    String id = ctx.pathParam("id");
    QueryRouter.Answer answer = backend().router().byKey(store, id, forwarded(ctx),
        pathAndQuery(ctx), () -> lookup.find(id));
    ctx.status(answer.status()).contentType(JSON).header("X-Policywire-Served-By",
        answer.servedBy()).result(answer.body());
  }

  private void recentStories(Context ctx) {
    int limit = limit(ctx);
    List<Story> stories = backend().router().gather(ServeStage.STORIES, forwarded(ctx),
        pathAndQuery(ctx), () -> backend().stores().recentStories(limit),
        new TypeReference<List<Story>>() {});
    json(ctx, top(stories, LocalStores.STORIES_NEWEST_FIRST, limit));
  }

  private void topEntities(Context ctx) {
    Instant now = Instant.now();
    Instant from = TimeParam.parse(ctx.queryParam("from"), now.minus(ServeStage.ACTIVITY_RETENTION),
        now);
    Instant to = TimeParam.parse(ctx.queryParam("to"), now, now);
    int limit = limit(ctx);
    Comparator<EntityActivity> order = Comparator.comparingLong(EntityActivity::articles)
        .reversed().thenComparing(EntityActivity::id);
    // an entity's windows all live on one instance (repartitioned by entity id), so each
    // instance's own top N holds every entity of the overall top N
    List<EntityActivity> all = backend().router().gather(ServeStage.ENTITY_ACTIVITY,
        forwarded(ctx), pathAndQuery(ctx), () -> top(backend().stores().activity(from, to),
            order, limit), new TypeReference<List<EntityActivity>>() {});
    json(ctx, top(all, order, limit));
  }

  private void since(Context ctx, String store) {
    Instant now = Instant.now();
    Instant since = TimeParam.parse(ctx.queryParam("since"), now.minus(
        java.time.Duration.ofDays(30)), now);
    int limit = limit(ctx);
    Comparator<LocalStores.Served> newestFirst = Comparator.comparing(LocalStores.Served::time)
        .thenComparing(LocalStores.Served::firstSeen).thenComparing(LocalStores.Served::id)
        .reversed();
    List<LocalStores.Served> all = backend().router().gather(store, forwarded(ctx),
        pathAndQuery(ctx), () -> top(backend().stores().since(store, since), newestFirst, limit),
        new TypeReference<List<LocalStores.Served>>() {});
    json(ctx, top(all, newestFirst, limit));
  }

  private static <T> List<T> top(List<T> items, Comparator<? super T> order, int limit) {
    return items.stream().sorted(order).limit(limit).toList();
  }

  private void live(SseClient client) {
    Backend b = backend;
    if (b == null) {
      client.sendEvent("error", "the pipeline is starting");
      client.close();
      return;
    }
    client.keepAlive();
    Consumer<LiveFeed.Event> send = e -> client.sendEvent(e.type(), e.json(), e.key());
    Runnable beat = () -> client.sendComment("keep-alive");
    b.feed().subscribe(send, beat);
    client.onClose(() -> b.feed().unsubscribe(send, beat));
    client.sendEvent("hello", QueryRouter.json(Map.of("instance",
        QueryRouter.hostString(b.router().self()))));
  }

  private static void unavailable(Context ctx, Exception e) {
    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").contentType(JSON)
        .result(QueryRouter.error(e.getMessage()));
  }

  private static void json(Context ctx, Object value) {
    ctx.contentType(JSON).result(QueryRouter.json(value));
  }

  private static boolean forwarded(Context ctx) {
    return "true".equals(ctx.header(QueryRouter.LOCAL_HEADER));
  }

  private static String pathAndQuery(Context ctx) {
    String query = ctx.queryString();
    return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  private static int limit(Context ctx) {
    String value = ctx.queryParam("limit");
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < 1 || n > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a whole number, not '" + value + "'");
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
