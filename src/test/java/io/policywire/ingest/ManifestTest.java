package io.policywire.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.policywire.model.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

  @TempDir Path dir;

  @Test
  void shouldApplyManifestFoundInInputDirectory() throws IOException {
    write("in/a.txt", "A\nbody");
    write("in/sub/b.txt", "B\nbody");
    write("in/manifest.json", """
        {"a.txt": {"source": "AFP", "publishedAt": "2020-01-01T00:00:00Z"},
         "sub/b.txt": {"source": "Reuters"}}""");

    ReadResult result = new ArticleReader().readAll(dir.resolve("in"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.articles()).extracting(RawArticle::title, RawArticle::source,
            RawArticle::publishedAt)
        .containsExactly(
            tuple("A", "AFP", "2020-01-01T00:00:00Z"),
            tuple("B", "Reuters", null));
  }

  @Test
  void shouldApplyManifestFoundInParentDirectoryOfInput() throws IOException {
    write("corpus/seeds/a.txt", "A\nbody");
    write("corpus/manifest.json", "{\"seeds/a.txt\": {\"source\": \"Blog\"}}");

    ReadResult result = new ArticleReader().readAll(dir.resolve("corpus/seeds"));

    assertThat(result.articles()).extracting(RawArticle::source).containsExactly("Blog");
  }

  @Test
  void shouldApplyManifestToSingleFileInput() throws IOException {
    Path file = write("corpus/seeds/a.txt", "A\nbody");
    write("corpus/manifest.json", "{\"seeds/a.txt\": {\"source\": \"Blog\"}}");

    assertThat(new ArticleReader().readAll(file).articles())
        .extracting(RawArticle::source).containsExactly("Blog");
  }

  @Test
  void shouldPreferExplicitManifestOverFoundOne() throws IOException {
    write("in/a.txt", "A\nbody");
    write("in/manifest.json", "{\"a.txt\": {\"source\": \"found\"}}");
    Path explicit = write("elsewhere/meta.json", "{\"../in/a.txt\": {\"source\": \"explicit\"}}");

    ArticleReader reader = new ArticleReader(ReaderOptions.defaults().withManifest(explicit));

    assertThat(reader.readAll(dir.resolve("in")).articles())
        .extracting(RawArticle::source).containsExactly("explicit");
  }

  @Test
  void shouldLetArticleFieldsWinOverManifest() throws IOException {
    write("in/a.json", "{\"source\": \"own\", \"body\": \"b\"}");
    write("in/manifest.json",
        "{\"a.json\": {\"source\": \"manifest\", \"publishedAt\": \"2021-05-05T00:00:00Z\"}}");

    RawArticle a = new ArticleReader().readAll(dir.resolve("in")).articles().get(0);

    assertThat(a.source()).isEqualTo("own");
    assertThat(a.publishedAt()).isEqualTo("2021-05-05T00:00:00Z");
  }

  @Test
  void shouldNeverPublishManifestAndLeaveUnlistedFilesAlone() throws IOException {
    write("in/listed.txt", "L\nbody");
    write("in/unlisted.txt", "U\nbody");
    write("in/manifest.json", "{\"listed.txt\": {\"source\": \"S\"}}");

    ReadResult result = new ArticleReader().readAll(dir.resolve("in"));

    assertThat(result.articles()).extracting(RawArticle::title, RawArticle::source)
        .containsExactly(tuple("L", "S"),
            tuple("U", null));
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void shouldIncludeManifestSourceInDerivedId() throws IOException {
    write("in/a.txt", "A\nbody");
    write("in/manifest.json", "{\"a.txt\": {\"source\": \"S\"}}");

    RawArticle a = new ArticleReader().readAll(dir.resolve("in")).articles().get(0);

    assertThat(a.id()).isEqualTo(ArticleIds.derive("S", "A", "body"));
  }

  @Test
  void shouldReportBrokenFoundManifestAndStillReadFiles() throws IOException {
    write("in/a.txt", "A\nbody");
    Path manifest = write("in/manifest.json", "{broken");

    ReadResult result = new ArticleReader().readAll(dir.resolve("in"));

    assertThat(result.articles()).hasSize(1);
    assertThat(result.problems()).extracting(Problem::where)
        .containsExactly(manifest.toAbsolutePath().normalize().toString());
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, UTF_8);
  }
}
