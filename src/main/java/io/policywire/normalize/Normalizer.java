package io.policywire.normalize;

import io.policywire.model.RawArticle;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalize stage, as plain Java: checks a raw article against the limits of the contract
 * and turns it into clean text. Reads a {@link RawArticle}, returns a {@link NormalizedArticle},
 * or throws {@link InvalidArticleException} saying why the article cannot be used.
 *
 * <p>Steps: field limits; HTML to the article's text and metadata ({@link HtmlText}); Unicode
 * clean-up ({@link TextCleaner}); furniture and credits out ({@link BodyCleaner}); checks that a
 * headline and enough text remain; language of the body ({@link LanguageGuess}). Bounded in time
 * per record: the size is capped first, HTML work is linear, and line rules only look at short
 * lines. Normalising the result again changes neither title nor text.
 */
public final class Normalizer {

  /**
   * Fewer words than this is a stub or an empty page, not an article. Low on purpose: error
   * pages ("Page not found", "Enable JavaScript") are furniture and removed before this check,
   * and a short brief is still news.
   */
  static final int MIN_WORDS = 3;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern LOOKS_HTML = Pattern.compile("(?is)\\s*(<!doctype html|<html[\\s>]).*");

  private final int maxArticleBytes;

  public Normalizer(int maxArticleBytes) {
    this.maxArticleBytes = maxArticleBytes;
    // the language model takes a second or more to load: at start-up, not on the first record
    LanguageGuess.load();
  }

  public NormalizedArticle normalize(RawArticle raw) {
    if (raw == null) {
      throw new InvalidArticleException("record has no value");
    }
    String id = FieldLimits.checkId(raw.id());
    if (raw.body() == null || raw.body().isBlank()) {
      throw new InvalidArticleException("article " + id + " has no body");
    }
    long size = utf8Length(raw.title()) + utf8Length(raw.body());
    if (size > maxArticleBytes) {
      throw new InvalidArticleException("article " + id + " is " + size
          + " bytes of title and body, over the limit of " + maxArticleBytes);
    }
    FieldLimits.checkMetadata(raw, id);
    FieldLimits.checkNotBinary(raw.body(), id);
    String publishedAt = instant(raw.publishedAt(), id);
    String type = raw.contentType() == null ? RawArticle.TEXT_PLAIN : raw.contentType().trim();
    String lowerType = type.toLowerCase(Locale.ROOT);
    boolean html = lowerType.startsWith(RawArticle.TEXT_HTML)
        || lowerType.startsWith("application/xhtml+xml");
    if (!html && !lowerType.startsWith(RawArticle.TEXT_PLAIN)) {
      throw new InvalidArticleException("article " + id + " has contentType '" + oneLine(type, 80)
          + "'; expected text/plain or text/html");
    }
    // a scraper that saved a whole page as "text" still gave us HTML
    html = html || LOOKS_HTML.matcher(raw.body().length() > 200 ? raw.body().substring(0, 200)
        : raw.body()).matches();
    return html ? fromHtml(raw, id, publishedAt) : fromText(raw, id, publishedAt);
  }

  private NormalizedArticle fromText(RawArticle raw, String id, String publishedAt) {
    return finish(raw, id, raw.title(), raw.body(), publishedAt, raw.source(), null, null,
        raw.language());
  }

  private NormalizedArticle fromHtml(RawArticle raw, String id, String publishedAt) {
    HtmlText.Extracted page = HtmlText.extract(raw.body());
    HtmlMetadata meta = page.metadata();
    String title = present(raw.title()) ? raw.title() : page.title();
    String published = publishedAt != null ? publishedAt : lenientInstant(meta.publishedAt());
    String source = present(raw.source()) ? raw.source() : meta.siteName();
    String language = present(raw.language()) ? raw.language() : meta.language();
    return finish(raw, id, title, page.text(), published, source, meta.author(),
        meta.canonicalUrl(), language);
  }

  private NormalizedArticle finish(RawArticle raw, String id, String rawTitle, String body,
      String publishedAt, String source, String pageAuthor, String canonicalUrl,
      String givenLanguage) {
    BodyCleaner.Cleaned clean = BodyCleaner.clean(TextCleaner.clean(body));
    Headline headline = Headline.choose(TextCleaner.oneLine(rawTitle), clean.text());
    if (headline.title().isEmpty()) {
      throw new InvalidArticleException("article " + id + " has no title");
    }
    String text = headline.text();
    FieldLimits.checkNotMisdecoded(text, id);
    int words = words(text);
    if (words < MIN_WORDS) {
      throw new InvalidArticleException("article " + id + " has " + (text.isEmpty() ? "no text"
          : "only " + words + " word" + (words == 1 ? "" : "s") + " of text")
          + " once markup and boilerplate are removed; at least " + MIN_WORDS + " are needed");
    }
    String author = present(raw.author()) ? TextCleaner.oneLine(raw.author())
        : present(pageAuthor) ? pageAuthor : clean.byline();
    return new NormalizedArticle(id, raw.url(), source, headline.title(), publishedAt,
        language(text, givenLanguage), text, clean.origin(), author, canonicalUrl);
  }

  /**
   * The body's language when the detector is sure; the source's tag otherwise, or when it says
   * the same language more precisely ("en-GB" for a body detected as "en").
   */
  private static String language(String text, String given) {
    String detected = LanguageGuess.of(text);
    String tag = present(given) ? given.strip() : null;
    if (detected == null) {
      return tag;
    }
    if (tag != null && tag.toLowerCase(Locale.ROOT).split("-")[0].equals(detected)) {
      return tag;
    }
    return detected;
  }

  private static int words(String text) {
    var m = WORD.matcher(text);
    int n = 0;
    while (n < MIN_WORDS && m.find()) {
      n++;
    }
    return n;
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

  /** A page's own date is a hint: when it is not ISO-8601, the article simply has none. */
  private static String lenientInstant(String value) {
    try {
      return instant(value, "");
    } catch (InvalidArticleException notIso) {
      return null;
    }
  }

  static String oneLine(String s, int max) {
    String line = TextCleaner.oneLine(s);
    return line.length() <= max ? line : line.substring(0, max) + "…";
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
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
