package io.policywire.actions;

import io.policywire.kafka.Json;
import io.policywire.model.Alert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts an alert as JSON to a subscriber's webhook, retrying what may pass (connection
 * failures, timeouts, 408, 429, 5xx) with doubling back-off, and handing what cannot be delivered
 * to a dead-letter handler with the reason. Plain Java: the caller decides where alerts come from
 * (a consumer of {@code news.alerts} that reads committed records only) and where dead letters
 * go.
 */
public final class WebhookSink implements AlertPoster {

  /** Where undeliverable alerts go, with the last status or error. */
  public interface DeadLetters {
    void accept(Alert alert, URI webhook, String reason);
  }


  /** Sleeping between attempts, replaceable in tests. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final HttpClient client;
  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Duration timeout;
  private final DeadLetters deadLetters;
  private final Sleeper sleeper;

  public WebhookSink(int maxAttempts, Duration firstBackoff, Duration timeout,
      DeadLetters deadLetters) {
    this(maxAttempts, firstBackoff, timeout, deadLetters, d -> Thread.sleep(d.toMillis()));
  }

  WebhookSink(int maxAttempts, Duration firstBackoff, Duration timeout,
      DeadLetters deadLetters, Sleeper sleeper) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.maxAttempts = Math.max(1, maxAttempts);
    this.firstBackoff = firstBackoff;
    this.timeout = timeout;
    this.deadLetters = deadLetters;
    this.sleeper = sleeper;
  }

  /**
   * Delivers the alert, or dead-letters it. The {@code Idempotency-Key} header (action id,
   * reason and status) lets a receiver drop the duplicate a retry after a lost response makes.
   */
  @Override
  public AlertPoster.Delivery post(Alert alert, URI webhook) throws InterruptedException {
    byte[] body;
    try {
      body = Json.MAPPER.writeValueAsBytes(alert);
    } catch (IOException e) {
      return dead(alert, webhook, 0, "cannot write the alert as JSON: " + e.getMessage());
    }
    HttpRequest request = HttpRequest.newBuilder(webhook).timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", alert.id() + "/" + alert.reason() + "/" + alert.status())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    Duration backoff = firstBackoff;
    String reason = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return new AlertPoster.Delivery(true, attempt, null);
        }
        reason = "HTTP " + status;
        if (!(status == 408 || status == 429 || status >= 500)) {
          return dead(alert, webhook, attempt, reason);
        }
      } catch (IOException e) {
        reason = e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      if (attempt < maxAttempts) {
        sleeper.sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0
            ? Duration.ofMinutes(1) : backoff.multipliedBy(2);
      }
    }
    return dead(alert, webhook, maxAttempts, reason + " after " + maxAttempts + " attempts");
  }

  private AlertPoster.Delivery dead(Alert alert, URI webhook, int attempts, String reason) {
    deadLetters.accept(alert, webhook, reason);
    return new AlertPoster.Delivery(false, attempts, reason);
  }
}
