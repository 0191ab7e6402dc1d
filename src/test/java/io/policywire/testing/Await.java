package io.policywire.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition instead of sleeping for a guessed time. */
public final class Await {

  private Await() {}

  public static void until(Duration timeout, Callable<Boolean> condition, String what)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
