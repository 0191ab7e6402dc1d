package io.policywire.normalize;

import io.policywire.model.RawArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The normalize stage, as plain Java: checks a raw article against the limits of the contract
 * and turns it into clean text. Reads a {@link RawArticle}, returns a {@link NormalizedArticle},
 * or throws {@link InvalidArticleException} saying why the article cannot be used.
 */
public final class Normalizer {

  private static final int MAX_ID_LENGTH = 256;

  private final int maxArticleBytes;

  public Normalizer(int maxArticleBytes) {
    this.maxArticleBytes = maxArticleBytes;
  }

  public NormalizedArticle normalize(RawArticle raw) {
    if (raw == null) {
      throw new InvalidArticleException("record has no value");
    }
    String id = checkId(raw.id());
    if (raw.body() == null || raw.body().isBlank()) {
      throw new InvalidArticleException("article " + id + " has no body");
    }
    long size = utf8Length(raw.title()) + utf8Length(raw.body());
    if (size > maxArticleBytes) {
      throw new InvalidArticleException("article " + id + " is " + size
          + " bytes of title and body, over the limit of " + maxArticleBytes);
    }
    String publishedAt = instant(raw.publishedAt(), id);
    String title = raw.title();
    String body = raw.body();
    String type = raw.contentType() == null ? RawArticle.TEXT_PLAIN : raw.contentType().trim();
    if (type.startsWith(RawArticle.TEXT_HTML)) {
      HtmlText.Extracted html = HtmlText.extract(body);
      body = html.text();
      title = title != null && !title.isBlank() ? title : html.title();
    } else if (!type.startsWith(RawArticle.TEXT_PLAIN)) {
      throw new InvalidArticleException("article " + id + " has contentType '" + oneLine(type, 80)
          + "'; expected text/plain or text/html");
    }
    String text = TextCleaner.clean(body);
    if (text.isEmpty()) {
      throw new InvalidArticleException("article " + id + " has no text once markup is removed");
    }
    return new NormalizedArticle(id, raw.url(), raw.source(),
        title == null ? null : TextCleaner.oneLine(title), publishedAt, raw.language(), text, null);
  }

  private static String checkId(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidArticleException("article has no id");
    }
    if (id.length() > MAX_ID_LENGTH || !TextCleaner.oneLine(id).equals(id)) {
      throw new InvalidArticleException("article id must be at most " + MAX_ID_LENGTH
          + " printable characters on one line");
    }
    return id;
  }

  /** Offset date-times, instants, local date-times (taken as UTC) and plain dates. */
  static String instant(String value, String id) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      return OffsetDateTime.parse(v).toInstant().toString();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toString();
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        } catch (DateTimeParseException notDate) {
          throw new InvalidArticleException("article " + id + " has publishedAt '"
              + oneLine(v, 40) + "', which is not an ISO-8601 date or date-time");
        }
      }
    }
  }

  private static String oneLine(String s, int max) {
    String line = TextCleaner.oneLine(s);
    return line.length() <= max ? line : line.substring(0, max) + "…";
  }

  private static long utf8Length(String s) {
    if (s == null) {
      return 0;
    }
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
