package io.policywire.ingest.feed;

/**
 * What one poll of one feed did.
 *
 * @param failed the feed itself could not be fetched, parsed or its state kept
 * @param notModified the server answered 304
 * @param published new items published and recorded
 * @param failedItems items that failed this time and will be tried again at the next poll
 * @param skippedItems items given up for good (robots.txt, 4xx, oversize, not HTML, no link)
 */
public record FeedOutcome(String feedUrl, boolean failed, boolean notModified, int published,
    int failedItems, int skippedItems) {

  public boolean clean() {
    return !failed && failedItems == 0 && skippedItems == 0;
  }
}
