package io.policywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.RawArticle;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  @Test
  void shouldGiveSameIdForSameContent() {
    assertThat(ArticleIds.derive("AFP", "Title", "Body"))
        .isEqualTo(ArticleIds.derive("AFP", "Title", "Body"))
        .matches("a[0-9a-f]{16}");
  }

  @Test
  void shouldGiveDifferentIdsForDifferentContent() {
    String id = ArticleIds.derive("AFP", "Title", "Body");
    assertThat(ArticleIds.derive("AFP", "Title", "Body.")).isNotEqualTo(id);
    assertThat(ArticleIds.derive("Reuters", "Title", "Body")).isNotEqualTo(id);
    assertThat(ArticleIds.derive("AFP", "Other", "Body")).isNotEqualTo(id);
  }

  @Test
  void shouldNotConfuseFieldBoundaries() {
    assertThat(ArticleIds.derive(null, "ab", "c")).isNotEqualTo(ArticleIds.derive(null, "a", "bc"));
  }

  @Test
  void shouldKeepExplicitIdAndReplaceBlankOne() {
    RawArticle explicit = article("given-1");
    assertThat(ArticleIds.ensureId(explicit).id()).isEqualTo("given-1");
    assertThat(ArticleIds.ensureId(article(" ")).id()).matches("a[0-9a-f]{16}");
    assertThat(ArticleIds.ensureId(article(null)).id())
        .isEqualTo(ArticleIds.derive("src", "t", "b"));
  }

  private static RawArticle article(String id) {
    return new RawArticle(id, null, "src", "t", "b", RawArticle.TEXT_PLAIN, null, null);
  }
}
