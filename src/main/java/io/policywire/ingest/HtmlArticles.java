package io.policywire.ingest;

import io.policywire.model.RawArticle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * HTML articles: the body is the page as it is (the normalize stage extracts the text). The
 * {@code <title>} is taken when it is cheap to find near the top of the page; otherwise the title
 * stays null and normalize decides.
 */
final class HtmlArticles {

  private static final int TITLE_SEARCH_CHARS = 64 * 1024;
  private static final Pattern TITLE =
      Pattern.compile("(?is)<title[^>]*>(.*?)</title\\s*>");

  private HtmlArticles() {}

  static RawArticle parse(String html, String url) throws BadInputException {
    if (html.isBlank()) {
      throw new BadInputException("empty file (no HTML)");
    }
    return new RawArticle(null, url, null, title(html), html, RawArticle.TEXT_HTML, null, null);
  }

  static String title(String html) {
    Matcher m = TITLE.matcher(html.substring(0, Math.min(html.length(), TITLE_SEARCH_CHARS)));
    if (!m.find()) {
      return null;
    }
    String title = Parser.unescapeEntities(m.group(1), false).replaceAll("\\s+", " ").strip();
    return title.isEmpty() ? null : title;
  }
}
