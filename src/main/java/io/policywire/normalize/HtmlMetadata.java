package io.policywire.normalize;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
    return new HtmlMetadata(
        first(meta(doc, "meta[property=og:title]"), meta(doc, "meta[name=twitter:title]"),
            doc.title()),
        meta(doc, "meta[property=og:site_name]"),
        first(attr(doc, "link[rel=canonical]", "abs:href"), meta(doc, "meta[property=og:url]")),
        first(meta(doc, "meta[property=article:published_time]"),
            meta(doc, "meta[itemprop=datePublished]"), attr(doc, "[itemprop=datePublished]", "datetime"),
            meta(doc, "meta[name=date]"), attr(doc, "article time[datetime]", "datetime"),
            attr(doc, "time[datetime]", "datetime")),
        first(person(meta(doc, "meta[name=author]")), person(meta(doc, "meta[property=article:author]")),
            text(doc, "[itemprop=author] [itemprop=name]"), text(doc, "[itemprop=author]"),
            text(doc, "[rel=author]")),
        languageTag(attr(doc, "html[lang]", "lang")));
  }

  /** "en_US" is a common misspelling of "en-US"; anything else that is not a tag is dropped. */
  private static String languageTag(String lang) {
    if (lang == null) {
      return null;
    }
    String tag = lang.replace('_', '-');
    return FieldLimits.isLanguageTag(tag) ? tag : null;
  }

  private static String meta(Document doc, String query) {
    return attr(doc, query, "content");
  }

  private static String attr(Document doc, String query, String attribute) {
    Element e = doc.selectFirst(Css.of(query));
    return e == null ? null : value(e.attr(attribute));
  }

  private static String text(Document doc, String query) {
    Element e = doc.selectFirst(Css.of(query));
    return e == null ? null : value(e.text());
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
