package io.policywire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadGeneratorTest {

  private static List<RawArticle> generate(long seed, int n) {
    WorkloadGenerator generator = new WorkloadGenerator(seed);
    List<RawArticle> articles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      articles.add(generator.next());
    }
    return articles;
  }

  @Test
  void shouldBeDeterministicPerSeed() {
    assertThat(generate(7, 50)).isEqualTo(generate(7, 50)).isNotEqualTo(generate(8, 50));
  }

  @Test
  void shouldWriteArticlesOfAboutFiveKilobytes() {
    for (RawArticle a : generate(1, 200)) {
      assertThat(a.body().length()).isBetween(3_000, 6_000);
    }
  }

  @Test
  void shouldMakeEveryFifthArticleANearButInexactCopyOfAnEarlierOne() {
    List<RawArticle> articles = generate(3, 500);
    for (int i = 0; i < articles.size(); i++) {
      RawArticle a = articles.get(i);
      List<RawArticle> earlier = articles.subList(0, i);
      boolean copy = (i + 1) % 5 == 0;
      String secondParagraph = a.body().split("\n\n")[1];
      boolean sharesAParagraph = earlier.stream()
          .anyMatch(e -> e.body().contains(secondParagraph));
      assertThat(sharesAParagraph).as("article %d shares text with an earlier one", i)
          .isEqualTo(copy);
      assertThat(earlier.stream().noneMatch(e -> e.body().equals(a.body()))).isTrue();
    }
  }

  @Test
  void shouldAdvanceEventTimeSoALongRunCrossesTheRetentionWindow() {
    List<RawArticle> articles = generate(1, 20_000);
    Duration span = Duration.between(Instant.parse(articles.get(0).publishedAt()),
        Instant.parse(articles.get(articles.size() - 1).publishedAt()));
    assertThat(span).isGreaterThan(Duration.ofDays(21));
  }
}
