package io.policywire.normalize;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * What a page says about itself, each null when absent: Open Graph and article meta tags first
 * (publishers fill them for link previews, so they are the most reliable), then the document's
 * own elements ({@code <title>}, {@code <time datetime>}, {@code rel=canonical}, bylines).
 *
 * @param publishedAt the date-time text as the page gives it; {@link Normalizer} parses it and
 *     ignores it when it is not ISO-8601 (a page's metadata never rejects an article)
 */
record HtmlMetadata(String title, String siteName, String canonicalUrl, String publishedAt,
    String author, String language) {

  private static final int MAX_VALUE = 1000;

  static HtmlMetadata of(Document doc) {
    Page page = new Page(doc);
    return new HtmlMetadata(
        first(page.meta("meta[property=og:title]"), page.meta("meta[name=twitter:title]"),
            doc.title()),
        page.meta("meta[property=og:site_name]"),
        first(page.attr("link[rel=canonical]", "abs:href"), page.meta("meta[property=og:url]")),
        first(page.meta("meta[property=article:published_time]"),
            page.meta("meta[itemprop=datePublished]"),
            page.attr("[itemprop=datePublished]", "datetime"), page.meta("meta[name=date]"),
            page.attr("article time[datetime]", "datetime"),
            page.attr("time[datetime]", "datetime")),
        first(person(page.meta("meta[name=author]")),
            person(page.meta("meta[property=article:author]")),
            page.text("[itemprop=author] [itemprop=name]"), page.text("[itemprop=author]"),
            page.text("[rel=author]")),
        languageTag(page.attr("html[lang]", "lang")));
  }

  /**
   * The elements any of the queries above can match (meta, link, time and html elements, and
   * those with an itemprop or rel attribute), in document order, gathered in one walk: the
   * first of them a query matches is what {@code selectFirst} finds, without walking the whole
   * page once per query.
   */
  private static final class Page {
    private final Document doc;
    private final List<Element> candidates = new ArrayList<>();

    Page(Document doc) {
      this.doc = doc;
      for (Element e : doc.getAllElements()) {
        String tag = e.normalName();
        if (tag.equals("meta") || tag.equals("link") || tag.equals("time") || tag.equals("html")
            || e.hasAttr("itemprop") || e.hasAttr("rel")) {
          candidates.add(e);
        }
      }
    }

    private Element first(String query) {
      Evaluator evaluator = Css.of(query);
      for (Element e : candidates) {
        if (evaluator.matches(doc, e)) {
          return e;
        }
      }
      return null;
    }

    String meta(String query) {
      return attr(query, "content");
    }

    String attr(String query, String attribute) {
      Element e = first(query);
      return e == null ? null : value(e.attr(attribute));
    }

    String text(String query) {
      Element e = first(query);
      return e == null ? null : value(e.text());
    }
  }

  /** "en_US" is a common misspelling of "en-US"; anything else that is not a tag is dropped. */
  private static String languageTag(String lang) {
    if (lang == null) {
      return null;
    }
    String tag = lang.replace('_', '-');
    return FieldLimits.isLanguageTag(tag) ? tag : null;
  }

  /** article:author is often a profile URL, which is not a name. */
  private static String person(String value) {
    return value == null || value.startsWith("http://") || value.startsWith("https://")
        ? null : value;
  }

  private static String value(String raw) {
    String v = TextCleaner.oneLine(raw);
    if (v.isEmpty()) {
      return null;
    }
    return v.length() <= MAX_VALUE ? v : v.substring(0, MAX_VALUE);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
