package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.RawArticle;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts the HTML path takes give what the long way gave, on every page of the golden
 * test and on pages built for each: {@link HtmlMetadata} finds what one {@code selectFirst} per
 * query over the whole page found; {@link ArticleRoot} may skip measuring an explicit article
 * inside another, because its text is never the longer.
 */
class NormalizeHtmlShortcutsTest {

  private static final String[] PARTS = {
      "<meta property='og:title' content='OG title'>", "<meta name='twitter:title' content='TW'>",
      "<meta property='og:site_name' content='Site'>", "<link rel='canonical' href='/c'>",
      "<meta property='og:url' content='https://x.example/og'>",
      "<meta property='article:published_time' content='2024-01-02T03:04:05Z'>",
      "<meta itemprop='datePublished' content='2024-02-02'>",
      "<span itemprop='datePublished' datetime='2024-03-03'>d</span>",
      "<meta name='date' content='2024-04-04'>", "<article><p>x <time datetime='2024-05-05'>t"
      + "</time></p></article>", "<time datetime='2024-06-06'>u</time>", "<time>no date</time>",
      "<meta name='author' content='Ann Author'>", "<meta name='author' content='https://a/b'>",
      "<meta property='article:author' content='Pat Prop'>",
      "<div itemprop='author'><span itemprop='name'>Nia Name</span> and more</div>",
      "<span itemprop='author'>Ivo Item</span>", "<a rel='author' href='/r'>Rae Rel</a>",
      "<a rel='nofollow' href='/n'>not an author</a>", "<p itemprop='description'>about</p>",
      "<link rel='stylesheet' href='/s.css'>", "<meta charset='utf-8'>"};

  @Test
  void shouldFindWhatOneQueryPerFieldFound() {
    List<String> pages = new ArrayList<>();
    for (RawArticle raw : NormalizeGoldenTest.inputs().values()) {
      if (RawArticle.TEXT_HTML.equals(raw.contentType())) {
        pages.add(raw.body());
      }
    }
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 300; i++) {
      StringBuilder page = new StringBuilder(random.nextBoolean() ? "<html lang='en-GB'>"
          : random.nextBoolean() ? "<html lang='en_US'>" : "<html>");
      page.append("<head><title>T ").append(i).append("</title>");
      int parts = random.nextInt(12);
      for (int p = 0; p < parts; p++) {
        page.append(PARTS[random.nextInt(PARTS.length)]);
        if (random.nextInt(4) == 0) {
          page.append("</head><body>");
        }
      }
      pages.add(page.append("<p>body</p></body></html>").toString());
    }
    for (String html : pages) {
      Document doc = Parser.htmlParser().setMaxDepth(HtmlText.MAX_DEPTH).parseInput(html, "");
      assertThat(HtmlMetadata.of(doc)).as(html).isEqualTo(reference(doc));
    }
    assertThat(pages).hasSizeGreaterThan(450);
  }

  private static final String[] NESTED = {"<main>", "</main>", "<article>", "</article>",
      "<div itemprop='articleBody'>", "</div>", "<div role='main'>", "<p>", "</p>", "<br>",
      "  \n ", " word ", "<span> inline </span>", "<pre>  kept   spaces\n</pre>", "<h1>Head</h1>",
      "<ul><li>one</li><li>two</li></ul>", "text,", "<td>cell</td>", "\u00a0", "<b>b</b>"};

  @Test
  void shouldNeverFindAnExplicitArticleLongerThanOneAroundIt() {
    List<String> pages = new ArrayList<>();
    for (RawArticle raw : NormalizeGoldenTest.inputs().values()) {
      if (RawArticle.TEXT_HTML.equals(raw.contentType())) {
        pages.add(raw.body());
      }
    }
    java.util.Random random = new java.util.Random(13);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder page = new StringBuilder("<html><body>");
      int parts = 1 + random.nextInt(30);
      for (int p = 0; p < parts; p++) {
        page.append(NESTED[random.nextInt(NESTED.length)]);
      }
      pages.add(page.toString());
    }
    int pairs = 0;
    for (String html : pages) {
      Document doc = Parser.htmlParser().setMaxDepth(HtmlText.MAX_DEPTH).parseInput(html, "");
      List<Element> found = doc.select("[itemprop=articleBody], article, [role=main], main");
      for (Element outer : found) {
        for (Element inner : found) {
          if (inner != outer && inner.parents().contains(outer)) {
            pairs++;
            assertThat(inner.text().length()).as(html)
                .isLessThanOrEqualTo(outer.text().length());
          }
        }
      }
    }
    assertThat(pairs).isGreaterThan(1_000);
  }

  /** HtmlMetadata.of as it was: a walk of the page per query. */
  private static HtmlMetadata reference(Document doc) {
    return new HtmlMetadata(
        first(meta(doc, "meta[property=og:title]"), meta(doc, "meta[name=twitter:title]"),
            doc.title()),
        meta(doc, "meta[property=og:site_name]"),
        first(attr(doc, "link[rel=canonical]", "abs:href"), meta(doc, "meta[property=og:url]")),
        first(meta(doc, "meta[property=article:published_time]"),
            meta(doc, "meta[itemprop=datePublished]"), attr(doc, "[itemprop=datePublished]",
                "datetime"), meta(doc, "meta[name=date]"),
            attr(doc, "article time[datetime]", "datetime"), attr(doc, "time[datetime]",
                "datetime")),
        first(person(meta(doc, "meta[name=author]")),
            person(meta(doc, "meta[property=article:author]")),
            text(doc, "[itemprop=author] [itemprop=name]"), text(doc, "[itemprop=author]"),
            text(doc, "[rel=author]")),
        tag(attr(doc, "html[lang]", "lang")));
  }

  private static String tag(String lang) {
    return lang == null || !FieldLimits.isLanguageTag(lang.replace('_', '-')) ? null
        : lang.replace('_', '-');
  }

  private static String meta(Document doc, String query) {
    return attr(doc, query, "content");
  }

  private static String attr(Document doc, String query, String attribute) {
    Element e = doc.selectFirst(query);
    return e == null ? null : value(e.attr(attribute));
  }

  private static String text(Document doc, String query) {
    Element e = doc.selectFirst(query);
    return e == null ? null : value(e.text());
  }

  private static String person(String value) {
    return value == null || value.startsWith("http://") || value.startsWith("https://")
        ? null : value;
  }

  private static String value(String raw) {
    String v = TextCleaner.oneLine(raw);
    return v.isEmpty() ? null : v.length() <= 1000 ? v : v.substring(0, 1000);
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
