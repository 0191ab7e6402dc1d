package io.policywire.normalize;

/**
 * The headline of an article and the text without it. Scrapers take the first line of a page
 * as its headline, which is sometimes furniture ("Skip to main content"): then the first line of
 * the clean text, when it reads like a headline, is the headline; when it does not, the scraped
 * title stays. A first line that repeats the
 * headline (a page's {@code <h1>}) is dropped from the text, so copies with and without it
 * compare alike.
 */
record Headline(String title, String text) {

  private static final int MAX_HEADLINE_WORDS = 30;

  /** @param title the given title, one line and clean (empty when there is none) */
  static Headline choose(String title, String text) {
    String headline = title;
    String rest = text;
    if (headline.isEmpty() || isFurniture(headline)) {
      // only with a better one at hand: a title that merely looks like furniture ("Copy",
      // "Next") is still a title, and an article is not dropped for it
      String first = firstLine(text);
      if (first != null && readsLikeHeadline(first)) {
        headline = first;
        rest = withoutFirstLine(text);
      }
    }
    String first = firstLine(rest);
    if (!headline.isEmpty() && first != null && same(first, headline)) {
      rest = withoutFirstLine(rest);
    }
    return new Headline(headline, rest);
  }

  /** A short title ("T", "AI") is still a title; "Skip to main content" or "Source: X" is not. */
  private static boolean isFurniture(String title) {
    return !Boilerplate.isStray(title) && Boilerplate.classify(title) != Boilerplate.Kind.BODY
        || Credits.ofLine(title) != null;
  }

  private static boolean readsLikeHeadline(String line) {
    String s = line.strip();
    return s.split(" ").length <= MAX_HEADLINE_WORDS && !s.endsWith(".")
        && Boilerplate.classify(s) == Boilerplate.Kind.BODY;
  }

  private static boolean same(String a, String b) {
    return MatchFold.fold(a).strip().equals(MatchFold.fold(b).strip());
  }

  private static String firstLine(String text) {
    if (text.isEmpty()) {
      return null;
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static String withoutFirstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? "" : text.substring(end + 1).strip();
  }
}
