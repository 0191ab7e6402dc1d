package io.policywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.RawArticle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The four scraped seed articles of the shared corpus, read in place (never copied). */
class SeedCorpusTest {

  private static final Path SEEDS = Path.of("../shared/corpus/seeds");

  @Test
  void shouldReadFourSeedsWithTitlesAndManifestMetadata() {
    ReadResult result = new ArticleReader().readAll(SEEDS);

    assertThat(result.problems()).isEmpty();
    assertThat(result.articles()).extracting(RawArticle::title).containsExactly(
        "Photo Surfaces Showing TikTok Executives Posing With Communist Flag",
        "Before Donald Trump, TikTok strikes back to fight \u201crumors\u201d from Washington",
        "TikTok parent ByteDance says it will \u2018strictly follow\u2019 China export controls",
        "TikTok 'confident' it can resolve national security concerns - report");
    assertThat(result.articles()).extracting(RawArticle::source).containsExactly(
        "wedoitlive blog", "AFP", "blog repost of TechCrunch", "tech news site");
    assertThat(result.articles()).extracting(RawArticle::publishedAt).containsExactly(
        "2020-08-07T12:00:00Z", "2020-08-17T18:00:00Z", "2020-08-31T09:00:00Z",
        "2022-09-26T20:00:00Z");
  }

  @Test
  void shouldGiveSeedsDistinctStableIdsAndFileUrls() {
    ReadResult first = new ArticleReader().readAll(SEEDS);
    ReadResult second = new ArticleReader().readAll(SEEDS);

    assertThat(first.articles()).extracting(RawArticle::id)
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(second.articles().stream().map(RawArticle::id).toList());
    assertThat(first.articles()).allSatisfy(a -> {
      assertThat(a.url()).startsWith("file:/").endsWith(".txt").doesNotContain("..");
      assertThat(a.body()).isNotBlank();
    });
  }
}
