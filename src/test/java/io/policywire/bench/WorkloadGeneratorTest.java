package io.policywire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  /**
   * Unrelated stories share few five-word runs, as real ones do: built from a few templates, every
   * article resembled every other, and a week of a million of them made each de-duplication
   * lookup confirm thousands of false candidates.
   */
  @Test
  void shouldKeepUnrelatedStoriesFarApart() {
    List<Set<String>> originals = generate(5, 300).stream()
        .filter(a -> !a.title().startsWith("Update: "))
        .map(a -> shingles(a.body())).toList();
    double sum = 0;
    double max = 0;
    int pairs = 0;
    for (int i = 0; i < originals.size(); i++) {
      for (int j = i + 1; j < originals.size(); j++) {
        double jaccard = jaccard(originals.get(i), originals.get(j));
        sum += jaccard;
        max = Math.max(max, jaccard);
        pairs++;
      }
    }
    System.out.printf("unrelated stories: mean Jaccard %.4f, max %.4f over %d pairs%n",
        sum / pairs, max, pairs);
    assertThat(sum / pairs).isLessThan(0.02);
    assertThat(max).isLessThan(0.1);
  }

  private static Set<String> shingles(String text) {
    String[] words = text.toLowerCase().split("\\W+");
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 5 <= words.length; i++) {
      out.add(String.join(" ", Arrays.copyOfRange(words, i, i + 5)));
    }
    return out;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    long shared = a.stream().filter(b::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }

  @Test
  void shouldAdvanceEventTimeSoALongRunCrossesTheRetentionWindow() {
    List<RawArticle> articles = generate(1, 20_000);
    Duration span = Duration.between(Instant.parse(articles.get(0).publishedAt()),
        Instant.parse(articles.get(articles.size() - 1).publishedAt()));
    assertThat(span).isGreaterThan(Duration.ofDays(21));
  }
}
