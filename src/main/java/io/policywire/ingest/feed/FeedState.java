package io.policywire.ingest.feed;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code produce} remembers about one feed between polls and restarts: the validators of
 * the last complete fetch, and the items already dealt with. An item is recorded only once its
 * article is acknowledged by the broker ({@link Status#PUBLISHED}), or once it failed in a way
 * that asking again will not fix ({@link Status#SKIPPED}: robots.txt, a 404, an oversize page).
 *
 * @param items by {@link FeedItem#key()}, oldest first; at most {@link #MAX_ITEMS}
 */
public record FeedState(String feedUrl, String etag, String lastModified,
    Map<String, Seen> items) {

  /** Far more than any feed lists at once; older keys are forgotten first. */
  public static final int MAX_ITEMS = 5000;

  public enum Status { PUBLISHED, SKIPPED }

  /** @param reason why it was skipped; null when published */
  public record Seen(String articleId, Status status, Instant at, String reason) {}

  public FeedState {
    items = Collections.unmodifiableMap(items == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(items));
  }

  public static FeedState empty(String feedUrl) {
    return new FeedState(feedUrl, null, null, Map.of());
  }

  public boolean seen(String key) {
    return items.containsKey(key);
  }

  public PoliteFetcher.Validators validators() {
    return new PoliteFetcher.Validators(etag, lastModified);
  }

  public FeedState withValidators(String newEtag, String newLastModified) {
    return new FeedState(feedUrl, newEtag, newLastModified, items);
  }

  /** This state with {@code key} recorded, dropping the oldest keys beyond {@link #MAX_ITEMS}. */
  public FeedState with(String key, Seen seen) {
    LinkedHashMap<String, Seen> next = new LinkedHashMap<>(items);
    next.remove(key);
    next.put(key, seen);
    while (next.size() > MAX_ITEMS) {
      next.remove(next.keySet().iterator().next());
    }
    return new FeedState(feedUrl, etag, lastModified, next);
  }
}
