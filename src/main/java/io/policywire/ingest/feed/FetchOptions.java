package io.policywire.ingest.feed;

import java.time.Duration;

/**
 * How politely {@link PoliteFetcher} fetches: who it says it is, how often it asks one host, how
 * long it waits, how often it retries and how much it reads.
 *
 * @param userAgent sent with every request; its first word (up to {@code /}) is the token matched
 *     against robots.txt {@code User-agent} lines
 * @param hostInterval least time between the starts of two requests to the same host (robots.txt
 *     {@code Crawl-delay} may make it longer)
 * @param connectTimeout to open a connection
 * @param readTimeout from sending a request to the last byte of its response
 * @param maxRetries further attempts after a 5xx, 408, 429, timeout or connection failure
 * @param initialBackoff wait before the first retry, doubled for each next one
 * @param maxBackoff the longest wait between attempts; a {@code Retry-After} beyond it fails
 * @param maxRedirects redirects followed per request
 * @param maxFeedBytes the largest feed document read
 * @param maxPageBytes the largest article page read
 */
public record FetchOptions(
    String userAgent,
    Duration hostInterval,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    int maxRedirects,
    long maxFeedBytes,
    long maxPageBytes) {

  public static final long MAX_ROBOTS_BYTES = 512 * 1024;

  /**
   * {@code policywire/<version> (news feed reader)}. The project has no public address to point
   * to yet, so operators add their own contact with {@code --user-agent}.
   */
  public static String defaultUserAgent(String version) {
    return "policywire/" + version + " (news feed reader)";
  }

  /** One request per second per host, 10 s to connect, 30 s to read, 3 retries from 1 s. */
  public static FetchOptions defaults(String version) {
    return new FetchOptions(defaultUserAgent(version), Duration.ofSeconds(1),
        Duration.ofSeconds(10), Duration.ofSeconds(30), 3, Duration.ofSeconds(1),
        Duration.ofSeconds(60), 5, 10L * 1024 * 1024, 2L * 1024 * 1024);
  }

  /** The robots.txt product token: the user agent up to its first {@code /} or space. */
  public String robotsToken() {
    String token = userAgent.strip().split("[/\\s]", 2)[0];
    return token.isEmpty() ? "*" : token;
  }

  public FetchOptions withUserAgent(String ua) {
    return new FetchOptions(ua, hostInterval, connectTimeout, readTimeout, maxRetries,
        initialBackoff, maxBackoff, maxRedirects, maxFeedBytes, maxPageBytes);
  }

  public FetchOptions withHostInterval(Duration d) {
    return new FetchOptions(userAgent, d, connectTimeout, readTimeout, maxRetries,
        initialBackoff, maxBackoff, maxRedirects, maxFeedBytes, maxPageBytes);
  }

  public FetchOptions withTimeouts(Duration connect, Duration read) {
    return new FetchOptions(userAgent, hostInterval, connect, read, maxRetries,
        initialBackoff, maxBackoff, maxRedirects, maxFeedBytes, maxPageBytes);
  }

  public FetchOptions withRetries(int retries, Duration initial, Duration max) {
    return new FetchOptions(userAgent, hostInterval, connectTimeout, readTimeout, retries,
        initial, max, maxRedirects, maxFeedBytes, maxPageBytes);
  }

  public FetchOptions withMaxBytes(long feedBytes, long pageBytes) {
    return new FetchOptions(userAgent, hostInterval, connectTimeout, readTimeout, maxRetries,
        initialBackoff, maxBackoff, maxRedirects, feedBytes, pageBytes);
  }
}
