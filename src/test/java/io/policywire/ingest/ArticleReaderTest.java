package io.policywire.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.model.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReaderTest {

  @TempDir Path dir;

  private final ArticleReader reader = new ArticleReader();

  @Test
  void shouldReadTextWithFirstNonBlankLineAsTitle() throws IOException {
    Path file = write("a.txt", "\n\n  Headline here  \n\nFirst paragraph.\r\nSecond.\n");

    RawArticle a = only(reader.readAll(file));

    assertThat(a.title()).isEqualTo("Headline here");
    assertThat(a.body()).isEqualTo("First paragraph.\nSecond.");
    assertThat(a.contentType()).isEqualTo(RawArticle.TEXT_PLAIN);
    assertThat(a.url()).isEqualTo(file.toAbsolutePath().normalize().toUri().toString())
        .startsWith("file:");
    assertThat(a.id()).matches("a[0-9a-f]{16}");
  }

  @Test
  void shouldSkipNavigationLineBeforeHeadline() throws IOException {
    Path file = write("a.txt", "Skip to main content\n\nReal headline\nBody.");

    assertThat(only(reader.readAll(file)).title()).isEqualTo("Real headline");
  }

  @Test
  void shouldStripUtf8Bom() throws IOException {
    Path file = write("a.txt", "\uFEFFTitle\nBody");

    assertThat(only(reader.readAll(file)).title()).isEqualTo("Title");
  }

  @Test
  void shouldKeepHtmlRawAndTakeCheapTitle() throws IOException {
    String html = "<html><head><title> Ban &amp; Order\n</title></head><body><p>Text</p></body></html>";
    Path file = write("page.htm", html);

    RawArticle a = only(reader.readAll(file));

    assertThat(a.body()).isEqualTo(html);
    assertThat(a.title()).isEqualTo("Ban & Order");
    assertThat(a.contentType()).isEqualTo(RawArticle.TEXT_HTML);
  }

  @Test
  void shouldLeaveHtmlTitleNullWhenAbsent() throws IOException {
    Path file = write("page.html", "<p>No title</p>");

    assertThat(only(reader.readAll(file)).title()).isNull();
  }

  @Test
  void shouldReadJsonObjectKeepingItsFields() throws IOException {
    Path file = write("a.json", """
        {"id": "x1", "url": "https://example.org/a", "source": "Wire", "title": "T",
         "body": "B", "publishedAt": "2024-01-02T03:04:05Z", "language": "en", "extra": 1}
        """);

    RawArticle a = only(reader.readAll(file));

    assertThat(a).isEqualTo(new RawArticle("x1", "https://example.org/a", "Wire", "T", "B",
        RawArticle.TEXT_PLAIN, "2024-01-02T03:04:05Z", "en"));
  }

  @Test
  void shouldGiveJsonArticleItsFileUrlAndAnIdWhenMissing() throws IOException {
    Path file = write("a.json", "{\"title\": \"T\", \"body\": \"B\"}");

    RawArticle a = only(reader.readAll(file));

    assertThat(a.url()).isEqualTo(file.toAbsolutePath().toUri().toString());
    assertThat(a.id()).isEqualTo(ArticleIds.derive(null, "T", "B"));
  }

  @Test
  void shouldKeepContentTypeGivenInJson() throws IOException {
    Path file = write("a.json", "{\"body\": \"<p>x</p>\", \"contentType\": \"text/html\"}");

    assertThat(only(reader.readAll(file)).contentType()).isEqualTo(RawArticle.TEXT_HTML);
  }

  @Test
  void shouldRejectJsonWithWrongFieldTypeOrTrailingContent() throws IOException {
    Path wrongType = write("a.json", "{\"title\": {\"x\": 1}, \"body\": \"b\"}");
    Path twoObjects = write("b.json", "{\"body\": \"1\"} {\"body\": \"2\"}");

    ReadResult result = reader.readAll(dir);

    assertThat(result.articles()).isEmpty();
    assertThat(result.problems()).extracting(Problem::where)
        .containsExactly(wrongType.toString(), twoObjects.toString());
    assertThat(result.problems()).allSatisfy(p -> assertThat(p.message()).contains("not a raw article"));
  }

  @Test
  void shouldReadJsonLinesSkippingBlankAndReportingBadLines() throws IOException {
    Path file = write("many.jsonl", """
        {"title": "one", "body": "1"}

        {"title": "two", "body": 
        {"title": "three", "body": "3"}
        """);

    ReadResult result = reader.readAll(file);

    assertThat(result.articles()).extracting(RawArticle::title).containsExactly("one", "three");
    assertThat(result.articles().get(1).url()).endsWith("many.jsonl#line=4");
    assertThat(result.problems()).singleElement()
        .satisfies(p -> assertThat(p.where()).isEqualTo(file + ":3"))
        .satisfies(p -> assertThat(p.message()).contains("invalid JSON"));
  }

  @Test
  void shouldReportNonUtf8LineOfJsonLinesAndKeepTheOthers() throws IOException {
    Path file = dir.resolve("mixed.jsonl");
    Files.write(file, concat("{\"body\": \"ok\"}\n{\"body\": \"caf".getBytes(UTF_8),
        new byte[] {(byte) 0xE9}, "\"}\n{\"body\": \"fine\"}\n".getBytes(UTF_8)));

    ReadResult result = reader.readAll(file);

    assertThat(result.articles()).extracting(RawArticle::body).containsExactly("ok", "fine");
    assertThat(result.problems()).singleElement()
        .satisfies(p -> assertThat(p.where()).isEqualTo(file + ":2"))
        .satisfies(p -> assertThat(p.message()).contains("not valid UTF-8"));
  }

  @Test
  void shouldReadJsonLinesFromStdin() {
    String lines = "{\"title\": \"a\", \"body\": \"1\"}\n\nnot json\n{\"body\": \"2\"}";

    ReadResult result = reader.readAll(List.of(ArticleReader.STDIN),
        new ByteArrayInputStream(lines.getBytes(UTF_8)));

    assertThat(result.articles()).extracting(RawArticle::body).containsExactly("1", "2");
    assertThat(result.articles()).allSatisfy(a -> assertThat(a.url()).isNull());
    assertThat(result.problems()).extracting(Problem::where).containsExactly("<stdin>:3");
  }

  @Test
  void shouldWalkDirectoriesRecursivelyInSortedOrder() throws IOException {
    write("b/2.txt", "B2\nbody");
    write("b/1.txt", "B1\nbody");
    write("a.txt", "A\nbody");
    write("c/d/e.json", "{\"title\": \"E\", \"body\": \"body\"}");
    write("c/10.txt", "C10\nbody");

    ReadResult result = reader.readAll(dir);

    assertThat(result.articles()).extracting(RawArticle::title)
        .containsExactly("A", "B1", "B2", "C10", "E");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void shouldIgnoreHiddenFilesAndCountUnknownExtensions() throws IOException {
    write("a.txt", "A\nbody");
    write(".hidden.txt", "H\nbody");
    write(".git/config.txt", "G\nbody");
    write("notes.md", "# not an article");
    write("image.png", "png");

    ReadResult result = reader.readAll(dir);

    assertThat(result.articles()).extracting(RawArticle::title).containsExactly("A");
    assertThat(result.unknown()).extracting(p -> p.getFileName().toString())
        .containsExactly("image.png", "notes.md");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void shouldReportExplicitFileWithUnknownExtension() throws IOException {
    Path file = write("report.pdf", "x");

    ReadResult result = reader.readAll(file);

    assertThat(result.problems()).singleElement()
        .satisfies(p -> assertThat(p.where()).isEqualTo(file.toString()))
        .satisfies(p -> assertThat(p.message()).contains("unknown extension"));
  }

  @Test
  void shouldReportEachBadFileByNameAndReadTheRest() throws IOException {
    write("1-good.txt", "Good\nbody");
    Path badJson = write("2-bad.json", "{\"title\": ");
    Path latin1 = dir.resolve("3-latin1.txt");
    Files.write(latin1, "Caf\u00e9\nbody".getBytes(ISO_8859_1));
    Path empty = write("4-empty.txt", " \n\n");
    Path array = write("5-array.json", "[{\"body\": \"b\"}]");
    Path noBody = write("6-nobody.json", "{\"title\": \"t\"}");
    Path titleOnly = write("7-title-only.txt", "Only a headline\n");
    write("8-good.html", "<p>fine</p>");

    ReadResult result = reader.readAll(dir);

    assertThat(result.articles()).hasSize(2);
    assertThat(result.problems()).extracting(Problem::where).containsExactly(
        badJson.toString(), latin1.toString(), empty.toString(), array.toString(),
        noBody.toString(), titleOnly.toString());
    assertThat(result.problems()).extracting(Problem::message).satisfiesExactly(
        m -> assertThat(m).contains("invalid JSON"),
        m -> assertThat(m).contains("not valid UTF-8"),
        m -> assertThat(m).contains("empty"),
        m -> assertThat(m).contains("expected one JSON object"),
        m -> assertThat(m).contains("no \"body\""),
        m -> assertThat(m).contains("no body"));
  }

  @Test
  void shouldSkipOversizeFileWithClearMessage() throws IOException {
    ArticleReader small = new ArticleReader(ReaderOptions.defaults().withMaxFileBytes(1024));
    write("a-small.txt", "Small\nbody");
    Path big = write("b-big.txt", "Big\n" + "x".repeat(2048));

    ReadResult result = small.readAll(dir);

    assertThat(result.articles()).extracting(RawArticle::title).containsExactly("Small");
    assertThat(result.problems()).singleElement()
        .satisfies(p -> assertThat(p.where()).isEqualTo(big.toString()))
        .satisfies(p -> assertThat(p.message()).contains("too large").contains("limit"));
  }

  @Test
  void shouldReportOversizeJsonLineAndKeepTheOthers() throws IOException {
    ArticleReader small = new ArticleReader(ReaderOptions.defaults().withMaxFileBytes(100));
    Path file = write("a.jsonl",
        "{\"body\": \"1\"}\n{\"body\": \"" + "x".repeat(200) + "\"}\n{\"body\": \"3\"}\n");

    ReadResult result = small.readAll(file);

    assertThat(result.articles()).extracting(RawArticle::body).containsExactly("1", "3");
    assertThat(result.problems()).extracting(Problem::where).containsExactly(file + ":2");
  }

  @Test
  void shouldReportMissingInputAndGoOn() throws IOException {
    Path good = write("a.txt", "A\nbody");
    Path missing = dir.resolve("missing.txt");

    ReadResult result = reader.readAll(missing, good);

    assertThat(result.articles()).hasSize(1);
    assertThat(result.problems()).extracting(Problem::toString)
        .containsExactly(missing + ": no such file or directory");
  }

  @Test
  void shouldGiveSameIdWhenSameFileIsReadTwice() throws IOException {
    Path file = write("a.txt", "Title\nBody");

    assertThat(only(reader.readAll(file)).id()).isEqualTo(only(reader.readAll(file)).id());
  }

  @Test
  void shouldFailFastOnBadExplicitManifest() throws IOException {
    Path manifest = write("meta.json", "not json");

    assertThatThrownBy(() -> new ArticleReader(ReaderOptions.defaults().withManifest(manifest)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("meta.json");
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, UTF_8);
  }

  private static RawArticle only(ReadResult result) {
    assertThat(result.problems()).isEmpty();
    assertThat(result.articles()).hasSize(1);
    return result.articles().get(0);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
