package io.policywire.ingest.feed;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spaces the requests to each host: a request to a host starts no sooner than {@code interval}
 * after the previous one to the same host started. Hosts do not wait for each other.
 */
final class HostThrottle {

  /** Waits; the real one is {@link Thread#sleep}. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private final Map<String, Long> nextStart = new HashMap<>();

  HostThrottle(LongSupplier nanoClock, Sleeper sleeper) {
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  static HostThrottle system() {
    return new HostThrottle(System::nanoTime, d -> Thread.sleep(d.toMillis()));
  }

  /** Waits until a request to {@code host} may start, and books the next slot. */
  void acquire(String host, Duration interval) throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = nanoClock.getAsLong();
      long start = Math.max(now, nextStart.getOrDefault(host, now));
      nextStart.put(host, start + interval.toNanos());
      wait = start - now;
    }
    if (wait > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
  }
}
