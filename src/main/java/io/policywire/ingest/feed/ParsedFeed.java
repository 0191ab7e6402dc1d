package io.policywire.ingest.feed;

import java.util.List;

/**
 * A feed document, parsed.
 *
 * @param outlet the feed's title, else the host it was fetched from: the articles' {@code source}
 * @param language the feed's language tag, or null
 * @param items in document order
 * @param skipped entries that could not be used (no guid and no link), in words
 */
public record ParsedFeed(String outlet, String language, List<FeedItem> items,
    List<String> skipped) {

  public ParsedFeed {
    items = List.copyOf(items);
    skipped = List.copyOf(skipped);
  }
}
