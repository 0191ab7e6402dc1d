package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.model.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NormalizerTest {

  private final Normalizer normalizer = new Normalizer(10_000);

  private static RawArticle text(String id, String title, String body) {
    return new RawArticle(id, null, null, title, body, null, null, null);
  }

  @Test
  void shouldRemoveInvisibleAndControlCharactersFromTitleAndText() {
    NormalizedArticle a = normalizer.normalize(text("a",
        "Tik\u200bTok \u202eban\u202c\u0007", "Line\u00a0one\u200d\r\n\r\n\r\n\r\nLine\ttwo\u2028end"));

    assertThat(a.title()).isEqualTo("TikTok ban");
    assertThat(a.text()).isEqualTo("Line one\n\nLine two\nend");
  }

  @Test
  void shouldApplyNfkcSoLigaturesAndFullWidthFormsMatch() {
    assertThat(normalizer.normalize(text("a", "t", "\ufb01nance rules for the \uff21\uff29 Act")).text())
        .isEqualTo("finance rules for the AI Act");
  }

  @Test
  void shouldKeepQuotesAndDashesReadable() {
    assertThat(normalizer.normalize(text("a", "t", "\u201cNo,\u201d she said \u2014 twice, firmly.")).text())
        .isEqualTo("\u201cNo,\u201d she said \u2014 twice, firmly.");
  }

  @Test
  void shouldNormalizePublishedAtToUtcInstant() {
    assertThat(Normalizer.instant("2020-08-17T20:00:00+02:00", "a")).isEqualTo("2020-08-17T18:00:00Z");
    assertThat(Normalizer.instant("2020-08-17", "a")).isEqualTo("2020-08-17T00:00:00Z");
    assertThat(Normalizer.instant("2020-08-17T18:00:00", "a")).isEqualTo("2020-08-17T18:00:00Z");
    assertThat(Normalizer.instant(" ", "a")).isNull();
    assertThatThrownBy(() -> Normalizer.instant("17/08/2020", "a"))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("ISO-8601");
  }

  @Test
  void shouldRejectMissingIdOrBodyAndUnknownContentType() {
    assertThatThrownBy(() -> normalizer.normalize(text(null, "t", "b")))
        .isInstanceOf(InvalidArticleException.class).hasMessage("article has no id");
    assertThatThrownBy(() -> normalizer.normalize(text("a", "t", "  \n")))
        .isInstanceOf(InvalidArticleException.class).hasMessage("article a has no body");
    assertThatThrownBy(() -> normalizer.normalize(
        new RawArticle("a", null, null, null, "b", "application/pdf", null, null)))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("application/pdf");
  }

  @Test
  void shouldRejectIdsWithLineBreaksOrOverlongIds() {
    assertThatThrownBy(() -> normalizer.normalize(text("a\nFAKE LOG LINE", "t", "b")))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("one line");
    assertThatThrownBy(() -> normalizer.normalize(text("x".repeat(257), "t", "b")))
        .isInstanceOf(InvalidArticleException.class);
  }

  @Test
  void shouldEnforceTheSizeLimitInUtf8BytesExactly() {
    Normalizer small = new Normalizer(20);
    String fiveWords = "\u00e9 \u00e9 \u00e9 \u00e9 \u00e9"; // 5 x 2 bytes + 4 spaces
    assertThat(small.normalize(text("a", "abcdef", fiveWords)).text())
        .hasSize(9); // 6 + 14 bytes: at the limit
    assertThatThrownBy(() -> small.normalize(text("a", "abcdefg", fiveWords)))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("21 bytes");
    assertThatThrownBy(() -> small.normalize(text("a", "t", "\ud83d\ude00 \ud83d\ude00 \ud83d\ude00 \ud83d\ude00 \u00e9")))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("23 bytes");
  }

  @Test
  void shouldTakeTitleFromHtmlWhenRawTitleMissingAndDropScriptsAndNavigation() {
    String html = "<html><head><title>Fallback</title></head><body>"
        + "<nav>Skip to main content</nav><article><h1>Heading</h1>"
        + "<p>First <b>bold</b> para.<br>Second line.</p><script>alert(1)</script>"
        + "<ul><li>One</li><li>Two</li></ul></article></body></html>";
    NormalizedArticle a = normalizer.normalize(
        new RawArticle("h", null, null, null, html, "text/html; charset=utf-8", null, null));

    assertThat(a.title()).isEqualTo("Fallback");
    assertThat(a.text()).isEqualTo("Heading\n\nFirst bold para.\nSecond line.\n\nOne\n\nTwo");
  }

  @Test
  void shouldNeverResolveExternalEntitiesInHtml() {
    String html = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + "<html><body><p>&xxe; text of the page stays inert here</p></body></html>";
    NormalizedArticle a = normalizer.normalize(
        new RawArticle("h", null, null, "T", html, "text/html", null, null));

    assertThat(a.text()).doesNotContain("root:").contains("text");
  }

  @Test
  void shouldRejectHtmlWithNoTextLeft() {
    assertThatThrownBy(() -> normalizer.normalize(new RawArticle("h", null, null, "T",
        "<html><body><script>x()</script></body></html>", "text/html", null, null)))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("no text");
  }

  @Test
  void shouldCleanEverySeedArticleWithoutLosingItsHeadline() throws Exception {
    Normalizer seeds = new Normalizer(1 << 20);
    try (var files = Files.list(Path.of("../shared/corpus/seeds"))) {
      for (Path file : files.toList()) {
        String[] parts = Files.readString(file).split("\n", 2);
        NormalizedArticle a = seeds.normalize(text(file.getFileName().toString(),
            parts[0], parts[1]));
        // 002's first line is the page's "Skip to main content"; its headline is the next line
        String headline = file.getFileName().toString().startsWith("002_")
            ? parts[1].strip().split("\n", 2)[0].strip() : parts[0].strip();
        assertThat(a.title()).isEqualTo(TextCleaner.oneLine(headline));
        assertThat(a.text()).isNotBlank().doesNotContain("\r").doesNotContain("\n\n\n");
      }
    }
  }
}
