package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.model.RawArticle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each limit of the normalize stage, on its own, with the reason it gives. */
class NormalizeLimitsTest {

  private static final String BODY = "The regulator fined the company on Monday for breaking "
      + "the rules on app store payments.";
  private final Normalizer normalizer = new Normalizer(4096);

  private static RawArticle article(String title, String body) {
    return new RawArticle("a1", "https://news.example/a1", "Wire", title, body, "text/plain",
        null, "en");
  }

  private void rejects(RawArticle raw, String reason) {
    assertThatThrownBy(() -> normalizer.normalize(raw))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining(reason);
  }

  @Test
  void shouldRejectRecordBytesThatAreNotUtf8() {
    byte[] latin1 = "{\"id\":\"a1\",\"body\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> RawRecords.check(latin1, 4096))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessage("record is not UTF-8: invalid byte 0xE9 at offset 22");
  }

  @Test
  void shouldRejectUtf16JsonThatAJsonParserWouldSniffAndAccept() {
    byte[] utf16 = "{\"id\":\"a1\",\"body\":\"text\"}".getBytes(StandardCharsets.UTF_16);

    assertThatThrownBy(() -> RawRecords.check(utf16, 4096))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("not UTF-8");
  }

  @Test
  void shouldRejectARecordFarOverTheSizeCapBeforeParsingIt() {
    byte[] huge = new byte[4096 * 6 + 64 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) ' ');

    assertThatThrownBy(() -> RawRecords.check(huge, 4096))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessageContaining("over the limit").hasMessageContaining("max.article.bytes 4096");
    assertThat(RawRecords.check("{}".getBytes(StandardCharsets.UTF_8), 4096)).hasSize(2);
  }

  @Test
  void shouldRejectAnEmptyRecord() {
    assertThatThrownBy(() -> RawRecords.check(new byte[0], 4096))
        .hasMessage("record has no value");
    assertThatThrownBy(() -> normalizer.normalize(null)).hasMessage("record has no value");
  }

  @Test
  void shouldRejectTitleAndBodyOverTheConfiguredSize() {
    rejects(article("T", BODY + "x".repeat(4096)), "over the limit of 4096");
  }

  @Test
  void shouldRejectAMissingOrEmptyBody() {
    rejects(article("T", null), "article a1 has no body");
    rejects(article("T", " \n\t"), "article a1 has no body");
  }

  @Test
  void shouldRejectABodyTooShortOnceFurnitureIsRemoved() {
    rejects(article("T", "Skip to main content\nShare on Twitter\nAdvertisement"),
        "article a1 has no text once markup and boilerplate are removed");
    rejects(article("T", "Breaking news"), "only 2 words of text");
  }

  @Test
  void shouldRejectAMissingTitleUnlessTheTextOpensWithAHeadline() {
    rejects(article(null, BODY), "article a1 has no title");
    rejects(article("  ", BODY), "article a1 has no title");
    assertThat(normalizer.normalize(article(null, "App store fined\n\n" + BODY)).title())
        .isEqualTo("App store fined");
  }

  @Test
  void shouldReplaceAFurnitureTitleOnlyWithABetterOne() {
    NormalizedArticle replaced = normalizer.normalize(
        article("Skip to main content", "App store fined\n\n" + BODY));
    NormalizedArticle kept = normalizer.normalize(article("Copy", BODY));

    assertThat(replaced.title()).isEqualTo("App store fined");
    assertThat(replaced.text()).isEqualTo(BODY);
    assertThat(kept.title()).isEqualTo("Copy");
  }

  @Test
  void shouldRejectBinaryOrWronglyDecodedBodies() {
    rejects(article("T", "%PDF-1.7\u0000\u0000\u0001\u0002" + "stream".repeat(50)), "looks binary");
    rejects(article("T", "The \ufffd\ufffdregulator\ufffd fined\ufffd the company."),
        "are replacement characters");
  }

  @Test
  void shouldRejectOverlongOrMultiLineFields() {
    rejects(article("t".repeat(1001), BODY), "a title of 1001 characters, over the limit of 1000");
    rejects(new RawArticle("a1", "https://x.example/" + "p".repeat(4100), null, "T", BODY,
        null, null, null), "a url of");
    rejects(new RawArticle("a1", "https://x.example/a b", null, "T", BODY, null, null, null),
        "url with spaces or control characters");
    rejects(new RawArticle("a1", null, "s".repeat(301), "T", BODY, null, null, null),
        "a source of 301 characters");
    rejects(new RawArticle("a1", null, null, "T", BODY, null, null, null, "a".repeat(501)),
        "an author of 501 characters");
    rejects(new RawArticle("a1\nFAKE", null, null, "T", BODY, null, null, null), "one line");
  }

  @Test
  void shouldRejectALanguageThatIsNotALanguageTag() {
    rejects(new RawArticle("a1", null, null, "T", BODY, null, null, "English please"),
        "not a BCP 47 tag");
    assertThat(normalizer.normalize(new RawArticle("a1", null, null, "T", BODY, null, null,
        "pt-BR")).language()).isEqualTo("en");
  }

  @Test
  void shouldRejectUnknownContentTypesAndDatesThatAreNotIso() {
    rejects(new RawArticle("a1", null, null, "T", BODY, "application/pdf", null, null),
        "contentType 'application/pdf'");
    rejects(new RawArticle("a1", null, null, "T", BODY, null, "last Tuesday", null), "ISO-8601");
  }
}
