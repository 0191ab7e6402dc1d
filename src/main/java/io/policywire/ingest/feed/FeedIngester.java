package io.policywire.ingest.feed;

import io.policywire.ingest.Problem;
import io.policywire.model.RawArticle;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls one feed: fetches it conditionally, parses it, and for every item not in its
 * {@link FeedState} fetches the article page and publishes it to a {@link FeedSink} as
 * {@code text/html} with the feed's metadata (title, link as {@code url}, date, author, outlet as
 * {@code source}, language). Each item is recorded, and the state saved, right after its
 * acknowledgement, so a restart at any point publishes no acknowledged item again. The feed's
 * {@code ETag} and {@code Last-Modified} are kept only once every item is dealt with; until then
 * the next poll fetches the whole feed again and retries what failed.
 *
 * <p>Every failure is reported to the sink as a {@link Problem} naming the feed or page URL, and
 * counted in the {@link FeedOutcome}; none is thrown, except a broker that cannot be used at all.
 */
public final class FeedIngester {

  static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, "
      + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
  static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

  private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml", "");
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");

  private final PoliteFetcher fetcher;
  private final FeedStateStore store;
  private final FeedSink sink;
  private final BooleanSupplier stopping;

  /** @param stopping checked between items: true once the run should end (Ctrl-C) */
  public FeedIngester(PoliteFetcher fetcher, FeedStateStore store, FeedSink sink,
      BooleanSupplier stopping) {
    this.fetcher = fetcher;
    this.store = store;
    this.sink = sink;
    this.stopping = stopping;
  }

  public FeedOutcome poll(String feedUrl) throws InterruptedException {
    Run run = new Run(feedUrl);
    try {
      run.go();
    } catch (FeedFailure e) {
      sink.problem(new Problem(feedUrl, e.getMessage()));
      run.failed = true;
    }
    return new FeedOutcome(feedUrl, run.failed, run.notModified, run.published, run.failedItems,
        run.skippedItems);
  }

  /** The feed as a whole could not be used. */
  private static final class FeedFailure extends Exception {
    FeedFailure(String message) {
      super(message);
    }
  }

  private final class Run {
    final String feedUrl;
    FeedState state;
    boolean failed;
    boolean notModified;
    int published;
    int failedItems;
    int skippedItems;

    Run(String feedUrl) {
      this.feedUrl = feedUrl;
    }

    void go() throws FeedFailure, InterruptedException {
      URI uri = parseUri(feedUrl);
      try {
        state = store.load(feedUrl);
      } catch (IOException e) {
        throw new FeedFailure(e.getMessage());
      }
      FetchResponse response;
      try {
        response = fetcher.fetch(uri, FEED_ACCEPT, fetcher.options().maxFeedBytes(),
            state.validators());
      } catch (FetchException e) {
        throw new FeedFailure("feed not fetched: " + e.getMessage());
      }
      if (response.notModified()) {
        notModified = true;
        return;
      }
      ParsedFeed feed;
      try {
        feed = FeedParser.parse(response.body(), response.uri(), response.contentType());
      } catch (MalformedFeedException e) {
        throw new FeedFailure(e.getMessage());
      }
      for (String skipped : feed.skipped()) {
        sink.problem(new Problem(feedUrl, "skipped " + skipped));
        skippedItems++;
      }
      boolean complete = true;
      List<FeedItem> oldestFirst = new ArrayList<>(feed.items());
      Collections.reverse(oldestFirst);
      for (FeedItem item : oldestFirst) {
        if (state.seen(item.key())) {
          continue;
        }
        if (stopping.getAsBoolean()) {
          complete = false;
          break;
        }
        complete &= item(feed, item);
      }
      if (complete) {
        save(state.withValidators(response.etag(), response.lastModified()));
      }
    }

    /** Deals with one new item; false when it should be tried again at the next poll. */
    boolean item(ParsedFeed feed, FeedItem item) throws FeedFailure, InterruptedException {
      String where = item.link() != null ? item.link() : item.key();
      if (item.link() == null) {
        return skip(item, where, "the item has no link to an article page");
      }
      FetchResponse page;
      try {
        page = fetcher.fetch(URI.create(item.link()), PAGE_ACCEPT,
            fetcher.options().maxPageBytes(), PoliteFetcher.Validators.NONE);
      } catch (IllegalArgumentException e) {
        return skip(item, where, "not a URL: " + e.getMessage());
      } catch (FetchException e) {
        if (e.permanent()) {
          return skip(item, where, "page not fetched: " + e.getMessage());
        }
        sink.problem(new Problem(where, "page not fetched: " + e.getMessage()
            + " (will retry at the next poll)"));
        failedItems++;
        return false;
      }
      if (!HTML_TYPES.contains(page.mediaType())) {
        return skip(item, where, "not an HTML page (" + page.mediaType() + ")");
      }
      String html = decode(page);
      if (html.isBlank()) {
        return skip(item, where, "empty page");
      }
      RawArticle article = new RawArticle(item.articleId(), item.link(), feed.outlet(),
          item.title(),
          html, RawArticle.TEXT_HTML, item.publishedAt(), feed.language(), item.author());
      if (!sink.publish(article)) {
        failedItems++;
        return false;
      }
      published++;
      record(item, new FeedState.Seen(item.articleId(), FeedState.Status.PUBLISHED,
          Instant.now(), null));
      return true;
    }

    boolean skip(FeedItem item, String where, String reason) throws FeedFailure {
      sink.problem(new Problem(where, reason));
      skippedItems++;
      record(item, new FeedState.Seen(item.articleId(), FeedState.Status.SKIPPED, Instant.now(),
          reason));
      return true;
    }

    void record(FeedItem item, FeedState.Seen seen) throws FeedFailure {
      save(state.with(item.key(), seen));
    }

    void save(FeedState next) throws FeedFailure {
      try {
        store.save(next);
        state = next;
      } catch (IOException e) {
        throw new FeedFailure("cannot save feed state in " + store.dir() + ": " + e.getMessage());
      }
    }
  }

  private static URI parseUri(String feedUrl) throws FeedFailure {
    try {
      URI uri = new URI(feedUrl.strip());
      if (!uri.isAbsolute()) {
        throw new FeedFailure("not an absolute URL");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new FeedFailure("not a URL: " + e.getMessage());
    }
  }

  /** The page as text: charset from the HTTP header, else a BOM, else a meta tag, else UTF-8. */
  static String decode(FetchResponse page) {
    byte[] body = page.body();
    Charset charset = page.charset().orElse(null);
    int offset = 0;
    if (charset == null && body.length >= 3 && (body[0] & 0xff) == 0xef
        && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
      charset = StandardCharsets.UTF_8;
      offset = 3;
    }
    if (charset == null) {
      String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        charset = FetchResponse.charsetIn("charset=" + m.group(1)).orElse(null);
      }
    }
    if (charset == null) {
      charset = StandardCharsets.UTF_8;
    }
    return new String(body, offset, body.length - offset, charset);
  }
}
