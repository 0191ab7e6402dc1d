package io.policywire.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTTP GET as a well-behaved crawler does it, on the JDK's {@link HttpClient}: robots.txt asked
 * first (per origin, cached for a day, or ten minutes when it could not be read) and obeyed at every redirect hop, requests to one host
 * spaced by {@link FetchOptions#hostInterval()} (or a longer {@code Crawl-delay}), conditional
 * requests ({@code If-None-Match}, {@code If-Modified-Since}), connect and read timeouts, retries
 * with exponential backoff after 5xx, 408, 429, timeouts and connection failures (honouring
 * {@code Retry-After}), and bodies read up to a byte limit, never beyond it.
 */
public final class PoliteFetcher implements AutoCloseable {

  /** The validators of an earlier response, sent so the server can answer 304. */
  public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
  }

  private static final Duration ROBOTS_TTL = Duration.ofHours(24);
  /** A robots.txt that could not be read is asked again sooner than one that could. */
  private static final Duration UNREACHABLE_ROBOTS_TTL = Duration.ofMinutes(10);
  private static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);

  private record CachedRobots(RobotsRules rules, String unreachable, long fetchedNanos) {}

  private final FetchOptions options;
  private final HttpClient client;
  private final HostThrottle throttle;
  private final HostThrottle.Sleeper backoffSleeper;
  private final ScheduledExecutorService watchdog;
  private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();

  public PoliteFetcher(FetchOptions options) {
    this(options, HostThrottle.system(), d -> Thread.sleep(d.toMillis()));
  }

  PoliteFetcher(FetchOptions options, HostThrottle throttle, HostThrottle.Sleeper backoffSleeper) {
    this.options = options;
    this.client = HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.throttle = throttle;
    this.backoffSleeper = backoffSleeper;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "policywire-fetch-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  public FetchOptions options() {
    return options;
  }

  /**
   * GETs {@code uri}, following redirects, and returns a 200 with its body or a 304. Anything
   * else (robots.txt disallow, other statuses, timeouts after the last retry, a body over
   * {@code maxBytes}) is a {@link FetchException} saying why.
   */
  public FetchResponse fetch(URI uri, String accept, long maxBytes, Validators validators)
      throws FetchException, InterruptedException {
    URI current = uri;
    for (int hop = 0; hop <= options.maxRedirects(); hop++) {
      checkScheme(current);
      checkRobots(current);
      Raw raw = withRetries(current, accept, maxBytes, validators);
      if (isRedirect(raw.status) && raw.location != null) {
        current = resolve(current, raw.location);
        continue;
      }
      if (raw.status == 200 || raw.status == 304) {
        return new FetchResponse(raw.status, current, raw.body, raw.header("content-type"),
            raw.header("etag"), raw.header("last-modified"));
      }
      throw new FetchException("HTTP " + raw.status + (current.equals(uri) ? "" : " at " + current),
          raw.status >= 400 && raw.status < 500);
    }
    throw new FetchException("more than " + options.maxRedirects() + " redirects", true);
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  private static void checkScheme(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new FetchException("not an http(s) URL", true);
    }
  }

  private static URI resolve(URI base, String location) throws FetchException {
    try {
      return base.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FetchException("bad redirect location '" + location + "'", true, e);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private void checkRobots(URI uri) throws FetchException, InterruptedException {
    CachedRobots cached = robotsFor(uri);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    if (cached.rules().allows(path)) {
      return;
    }
    if (cached.unreachable() != null) {
      throw new FetchException("robots.txt of " + uri.getHost() + " could not be fetched ("
          + cached.unreachable() + "), so the site counts as disallowed for now", false);
    }
    throw new FetchException("disallowed by robots.txt for " + options.robotsToken(), true);
  }

  private CachedRobots robotsFor(URI uri) throws InterruptedException {
    String origin = origin(uri);
    CachedRobots cached = robots.get(origin);
    Duration ttl = cached == null || cached.unreachable() == null ? ROBOTS_TTL
        : UNREACHABLE_ROBOTS_TTL;
    if (cached != null && System.nanoTime() - cached.fetchedNanos() < ttl.toNanos()) {
      return cached;
    }
    cached = fetchRobots(URI.create(origin + "/robots.txt"));
    robots.put(origin, cached);
    return cached;
  }

  /**
   * RFC 9309: a 4xx means no rules; a server error or no answer means stay away until it can be
   * read; redirects are followed.
   */
  private CachedRobots fetchRobots(URI robotsUri) throws InterruptedException {
    long now = System.nanoTime();
    URI current = robotsUri;
    try {
      for (int hop = 0; hop <= options.maxRedirects(); hop++) {
        Raw raw = withRetries(current, "text/plain", FetchOptions.MAX_ROBOTS_BYTES,
            Validators.NONE);
        if (isRedirect(raw.status) && raw.location != null) {
          current = resolve(current, raw.location);
          continue;
        }
        if (raw.status >= 200 && raw.status < 300) {
          return new CachedRobots(RobotsRules.parse(
              new String(raw.body, StandardCharsets.UTF_8), options.robotsToken()), null, now);
        }
        if (raw.status >= 400 && raw.status < 500) {
          return new CachedRobots(RobotsRules.allowAll(), null, now);
        }
        return new CachedRobots(RobotsRules.disallowAll(), "HTTP " + raw.status, now);
      }
      return new CachedRobots(RobotsRules.allowAll(), null, now);
    } catch (FetchException e) {
      return new CachedRobots(RobotsRules.disallowAll(), e.getMessage(), now);
    }
  }

  private static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  private Duration intervalFor(URI uri) {
    Duration interval = options.hostInterval();
    CachedRobots cached = robots.get(origin(uri));
    if (cached != null && cached.rules().crawlDelay().isPresent()) {
      Duration delay = cached.rules().crawlDelay().get();
      delay = delay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : delay;
      interval = delay.compareTo(interval) > 0 ? delay : interval;
    }
    return interval;
  }

  private Raw withRetries(URI uri, String accept, long maxBytes, Validators validators)
      throws FetchException, InterruptedException {
    Duration backoff = options.initialBackoff();
    for (int attempt = 0; ; attempt++) {
      throttle.acquire(uri.getHost().toLowerCase(Locale.ROOT), intervalFor(uri));
      String failure;
      Duration retryAfter = Duration.ZERO;
      try {
        Raw raw = once(uri, accept, maxBytes, validators);
        if (!retryable(raw.status)) {
          return raw;
        }
        failure = "HTTP " + raw.status;
        retryAfter = retryAfter(raw.header("retry-after"));
      } catch (HttpTimeoutException e) {
        failure = "timed out (" + e.getMessage() + ")";
      } catch (IOException e) {
        failure = "connection failed (" + describe(e) + ")";
      }
      if (attempt >= options.maxRetries()) {
        throw new FetchException(failure + (attempt == 0 ? "" : " after " + (attempt + 1)
            + " attempts"), false);
      }
      if (retryAfter.compareTo(options.maxBackoff()) > 0) {
        throw new FetchException(failure + ", and asked to retry after "
            + retryAfter.toSeconds() + " s", false);
      }
      Duration wait = retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
      backoffSleeper.sleep(wait);
      backoff = backoff.multipliedBy(2);
      if (backoff.compareTo(options.maxBackoff()) > 0) {
        backoff = options.maxBackoff();
      }
    }
  }

  private static boolean retryable(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** Seconds or an HTTP date; zero when absent or unreadable. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Duration.ZERO;
    }
    String v = value.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      try {
        Duration d = Duration.between(ZonedDateTime.now(),
            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return Duration.ZERO;
      }
    }
  }

  private Raw once(URI uri, String accept, long maxBytes, Validators validators)
      throws IOException, InterruptedException, FetchException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(options.readTimeout())
        .header("User-Agent", options.userAgent())
        .header("Accept", accept);
    if (validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    long started = System.nanoTime();
    HttpResponse<InputStream> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      Raw raw = new Raw(response);
      if (raw.status == 200) {
        long remaining = options.readTimeout().toNanos() - (System.nanoTime() - started);
        raw.body = readLimited(body, maxBytes, Math.max(1, remaining), raw.header("content-length"));
      }
      return raw;
    }
  }

  /** Reads at most {@code maxBytes}, failing as soon as there is more, and within a deadline. */
  private byte[] readLimited(InputStream in, long maxBytes, long deadlineNanos,
      String contentLength) throws IOException, FetchException {
    if (contentLength != null) {
      try {
        if (Long.parseLong(contentLength.strip()) > maxBytes) {
          throw tooLarge(maxBytes);
        }
      } catch (NumberFormatException e) {
        // no usable length: the read below enforces the limit
      }
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> alarm = watchdog.schedule(() -> {
      timedOut.set(true);
      try {
        in.close();
      } catch (IOException e) {
        // closing is how the read is interrupted; nothing more to do
      }
    }, deadlineNanos, TimeUnit.NANOSECONDS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (out.size() + (long) n > maxBytes) {
          throw tooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new HttpTimeoutException("body not read within "
            + options.readTimeout().toMillis() + " ms");
      }
      throw e;
    } finally {
      alarm.cancel(false);
    }
    if (timedOut.get()) {
      throw new HttpTimeoutException("body not read within "
          + options.readTimeout().toMillis() + " ms");
    }
    return out.toByteArray();
  }

  private static FetchException tooLarge(long maxBytes) {
    return new FetchException("larger than the limit of " + maxBytes + " bytes", true);
  }

  private static final class Raw {
    final int status;
    final String location;
    final HttpResponse<?> response;
    byte[] body = new byte[0];

    Raw(HttpResponse<?> response) {
      this.response = response;
      this.status = response.statusCode();
      this.location = response.headers().firstValue("location").orElse(null);
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }
}
