package io.policywire.normalize;

import io.policywire.model.RawArticle;
import java.util.regex.Pattern;

/**
 * The limits of a raw article's fields, checked before any parsing work, each failure an
 * {@link InvalidArticleException} whose message names the article, the field and the limit.
 * Identifiers and metadata end up in keys, logs, headers and dashboards: they must be short and
 * on one line. A body that is mostly control characters or replacement characters is binary
 * content (an image, a PDF, text decoded with the wrong charset) published as an article.
 */
final class FieldLimits {

  static final int MAX_ID_LENGTH = 256;
  static final int MAX_TITLE_CHARS = 1000;
  static final int MAX_URL_CHARS = 4096;
  static final int MAX_SOURCE_CHARS = 300;
  static final int MAX_AUTHOR_CHARS = 500;
  /** Above one in a hundred characters, text is not text. */
  static final double MAX_BINARY_SHARE = 0.01;
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,6}");

  private FieldLimits() {}

  static String checkId(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidArticleException("article has no id");
    }
    if (id.length() > MAX_ID_LENGTH || !TextCleaner.oneLine(id).equals(id)) {
      throw new InvalidArticleException("article id must be at most " + MAX_ID_LENGTH
          + " printable characters on one line");
    }
    return id;
  }

  static void checkMetadata(RawArticle raw, String id) {
    checkLength(id, "title", raw.title(), MAX_TITLE_CHARS);
    checkLength(id, "url", raw.url(), MAX_URL_CHARS);
    checkLength(id, "source", raw.source(), MAX_SOURCE_CHARS);
    checkLength(id, "author", raw.author(), MAX_AUTHOR_CHARS);
    if (raw.url() != null && raw.url().chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new InvalidArticleException("article " + id + " has a url with spaces or control "
          + "characters");
    }
    String language = raw.language();
    if (language != null && !language.isBlank() && !isLanguageTag(language.strip())) {
      throw new InvalidArticleException("article " + id + " has language '"
          + Normalizer.oneLine(language, 40) + "', which is not a BCP 47 tag such as en or pt-BR");
    }
  }

  static boolean isLanguageTag(String tag) {
    return tag.length() <= 35 && LANGUAGE_TAG.matcher(tag).matches();
  }

  /**
   * NULs and other controls in the raw body (cleaning removes them, so only the raw body shows
   * them), in the first 64 KiB: enough to tell, and bounded.
   */
  static void checkNotBinary(String body, String id) {
    check(body, id, "control", c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
  }

  /**
   * U+FFFD, what a wrong charset leaves, counted in the clean text: the same text gives the same
   * answer, so an article accepted once is accepted again when normalised twice.
   */
  static void checkNotMisdecoded(String text, String id) {
    check(text, id, "replacement", c -> c == '\ufffd');
  }

  private static void check(String s, String id, String what, java.util.function.IntPredicate bad) {
    int n = Math.min(s.length(), 64 * 1024);
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (bad.test(s.charAt(i))) {
        count++;
      }
    }
    if (count > 0 && count >= n * MAX_BINARY_SHARE) {
      throw new InvalidArticleException("article " + id + " has a body that looks binary or "
          + "wrongly decoded: " + count + " of its first " + n + " characters are " + what
          + " characters");
    }
  }

  private static void checkLength(String id, String field, String value, int max) {
    if (value != null && value.length() > max) {
      String article = "aeio".indexOf(field.charAt(0)) >= 0 ? " an " : " a ";
      throw new InvalidArticleException("article " + id + " has" + article + field + " of "
          + value.length() + " characters, over the limit of " + max);
    }
  }
}
