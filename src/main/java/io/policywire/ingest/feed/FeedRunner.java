package io.policywire.ingest.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls every feed in turn, once or every {@code interval} until {@link #stop()}. One feed's
 * failure never keeps the others from being polled. Stopping ends the current feed after its
 * current item (whose state is saved) and ends the wait between rounds at once.
 */
public final class FeedRunner {

  private final List<String> feeds;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final List<FeedOutcome> outcomes = new ArrayList<>();

  public FeedRunner(List<String> feeds) {
    this.feeds = List.copyOf(feeds);
  }

  public boolean stopping() {
    return stop.getCount() == 0;
  }

  public void stop() {
    stop.countDown();
  }

  /** Every outcome so far, also of a round cut short by an interrupt. */
  public List<FeedOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** One round over every feed, in order; the outcome of each polled. */
  public List<FeedOutcome> round(FeedIngester ingester) throws InterruptedException {
    List<FeedOutcome> round = new ArrayList<>();
    for (String feed : feeds) {
      if (stopping()) {
        break;
      }
      FeedOutcome outcome = ingester.poll(feed);
      round.add(outcome);
      outcomes.add(outcome);
    }
    return round;
  }

  /**
   * Rounds until stopped, starting one every {@code interval} (or right after the last when it
   * took longer); each round's outcomes go to {@code afterRound}. Returns every outcome.
   */
  public List<FeedOutcome> poll(FeedIngester ingester, Duration interval,
      Consumer<List<FeedOutcome>> afterRound) throws InterruptedException {
    while (!stopping()) {
      long started = System.nanoTime();
      afterRound.accept(round(ingester));
      long wait = interval.toNanos() - (System.nanoTime() - started);
      if (wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS)) {
        break;
      }
    }
    return outcomes();
  }
}
