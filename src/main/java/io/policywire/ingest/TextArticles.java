package io.policywire.ingest;

import io.policywire.model.RawArticle;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Plain-text articles: the first non-blank line is the headline, the rest the body. Scraped pages
 * often begin with a "Skip to main content" link; such navigation lines before the headline are
 * dropped so they do not become the title.
 */
final class TextArticles {

  private static final Pattern NAVIGATION_LINE = Pattern.compile(
      "(?i)\\s*(skip|jump) to (the )?(main )?(content|navigation|menu)\\s*|\\s*skip navigation\\s*");

  private TextArticles() {}

  static RawArticle parse(String text, String url) throws BadInputException {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int first = firstHeadline(lines);
    if (first < 0) {
      throw new BadInputException("empty file (no text)");
    }
    String title = lines[first].strip();
    String body = String.join("\n", Arrays.copyOfRange(lines, first + 1, lines.length))
        .strip();
    if (body.isEmpty()) {
      throw new BadInputException("has a headline but no body");
    }
    return new RawArticle(null, url, null, title, body, RawArticle.TEXT_PLAIN, null, null);
  }

  private static int firstHeadline(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank() && !NAVIGATION_LINE.matcher(lines[i]).matches()) {
        return i;
      }
    }
    return -1;
  }
}
