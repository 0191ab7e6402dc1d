package io.policywire.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom documents to {@link ParsedFeed}s, with Rome. Rome's parser
 * refuses any {@code DOCTYPE}, so entities (external or expanding) are never resolved: a feed that
 * declares one is reported as malformed. The encoding comes from the BOM, the XML declaration or
 * the HTTP content type, as XML and HTTP say.
 */
public final class FeedParser {

  private FeedParser() {}

  /**
   * @param feedUri where the document was fetched from, to resolve relative links and name the
   *     outlet when the feed has no title
   * @param contentType the HTTP {@code Content-Type}, or null
   */
  public static ParsedFeed parse(byte[] document, URI feedUri, String contentType)
      throws MalformedFeedException {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      XmlReader reader = contentType == null
          ? new XmlReader(new ByteArrayInputStream(document), true)
          : new XmlReader(new ByteArrayInputStream(document), contentType, true);
      feed = input.build(reader);
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new MalformedFeedException(reason(e), e);
    }
    List<FeedItem> items = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      String link = absolute(feedUri, entry.getLink());
      String key = key(feedUri, entry.getUri(), link);
      if (key == null) {
        skipped.add("an item without guid or link" + titled(entry.getTitle()));
        continue;
      }
      items.add(new FeedItem(key, blankToNull(entry.getTitle()), link, instant(entry),
          blankToNull(entry.getAuthor())));
    }
    String outlet = blankToNull(feed.getTitle());
    return new ParsedFeed(outlet != null ? outlet : feedUri.getHost(),
        blankToNull(feed.getLanguage()), items, skipped);
  }

  private static String key(URI feedUri, String guid, String link) {
    String id = blankToNull(guid);
    if (id != null && isAbsoluteUri(id)) {
      return id.strip();
    }
    if (link != null) {
      return link;
    }
    return id == null ? null : feedUri + "#" + id.strip();
  }

  private static boolean isAbsoluteUri(String s) {
    try {
      return URI.create(s.strip()).isAbsolute();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String absolute(URI base, String link) {
    String l = blankToNull(link);
    if (l == null) {
      return null;
    }
    try {
      return base.resolve(l.strip()).toString();
    } catch (IllegalArgumentException e) {
      return l.strip();
    }
  }

  private static String instant(SyndEntry entry) {
    Date date = entry.getPublishedDate() != null ? entry.getPublishedDate()
        : entry.getUpdatedDate();
    return date == null ? null : date.toInstant().toString();
  }

  private static String titled(String title) {
    String t = blankToNull(title);
    return t == null ? "" : " ('" + t.strip() + "')";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String reason(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() != null ? t.getMessage() : e.getMessage();
    return "not a readable RSS or Atom feed: " + (m == null ? e.getClass().getSimpleName() : m);
  }
}
