package io.policywire.ingest.feed;

import java.util.List;
import java.util.Locale;

/** Counts over feed outcomes, for the lines {@code produce --feed} prints. */
public record FeedSummary(int polls, int failedFeeds, int unchanged, int published,
    int failedItems, int skippedItems) {

  public static FeedSummary of(List<FeedOutcome> outcomes) {
    int failed = 0;
    int unchanged = 0;
    int published = 0;
    int failedItems = 0;
    int skipped = 0;
    for (FeedOutcome o : outcomes) {
      failed += o.failed() ? 1 : 0;
      unchanged += o.notModified() ? 1 : 0;
      published += o.published();
      failedItems += o.failedItems();
      skipped += o.skippedItems();
    }
    return new FeedSummary(outcomes.size(), failed, unchanged, published, failedItems, skipped);
  }

  public boolean clean() {
    return failedFeeds == 0 && failedItems == 0 && skippedItems == 0;
  }

  /** E.g. {@code feeds: 3 polled (1 unchanged), 1 failed; items: 4 published, 1 failed, 0 skipped}. */
  public String line() {
    return String.format(Locale.ROOT,
        "feeds: %d polled (%d unchanged), %d failed; items: %d published, %d failed "
            + "(retried at the next poll), %d skipped", polls, unchanged, failedFeeds, published,
        failedItems, skippedItems);
  }
}
