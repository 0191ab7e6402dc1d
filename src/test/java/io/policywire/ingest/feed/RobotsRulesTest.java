package io.policywire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {

  @Test
  void shouldUseTheGroupNamingUsOverTheStarGroup() {
    RobotsRules rules = RobotsRules.parse("""
        User-agent: *
        Disallow: /

        User-agent: PolicyWire
        Disallow: /private/
        """, "policywire");

    assertThat(rules.allows("/news/a.html")).isTrue();
    assertThat(rules.allows("/private/b.html")).isFalse();
  }

  @Test
  void shouldFallBackToTheStarGroupWhenNoGroupNamesUs() {
    RobotsRules rules = RobotsRules.parse("""
        User-agent: otherbot
        Disallow: /

        User-agent: *
        Disallow: /search
        """, "policywire");

    assertThat(rules.allows("/search?q=ai")).isFalse();
    assertThat(rules.allows("/news")).isTrue();
  }

  @Test
  void shouldAllowEverythingForAGroupNamingUsWithoutRules() {
    RobotsRules rules = RobotsRules.parse("""
        User-agent: *
        Disallow: /

        User-agent: policywire
        Disallow:
        """, "policywire");

    assertThat(rules.allows("/anything")).isTrue();
  }

  @Test
  void shouldLetTheLongestMatchWinAndAllowWinATie() {
    RobotsRules rules = RobotsRules.parse("""
        User-agent: *
        Disallow: /news/
        Allow: /news/public/
        Allow: /x
        Disallow: /x
        """, "policywire");

    assertThat(rules.allows("/news/secret")).isFalse();
    assertThat(rules.allows("/news/public/a")).isTrue();
    assertThat(rules.allows("/x")).isTrue();
  }

  @Test
  void shouldMatchWildcardsAndEndAnchors() {
    RobotsRules rules = RobotsRules.parse("""
        User-agent: *
        Disallow: /*.pdf$
        Disallow: /*/print
        """, "policywire");

    assertThat(rules.allows("/reports/a.pdf")).isFalse();
    assertThat(rules.allows("/reports/a.pdf?download=1")).isTrue();
    assertThat(rules.allows("/2026/03/story/print")).isFalse();
    assertThat(rules.allows("/2026/03/story")).isTrue();
  }

  @Test
  void shouldGroupConsecutiveUserAgentLinesAndIgnoreComments() {
    RobotsRules rules = RobotsRules.parse("""
        # a comment
        User-agent: a
        User-agent: policywire  # us too
        Disallow: /drafts # not public
        Crawl-delay: 2.5
        """, "policywire");

    assertThat(rules.allows("/drafts/1")).isFalse();
    assertThat(rules.crawlDelay()).contains(Duration.ofMillis(2500));
  }

  @Test
  void shouldAlwaysAllowRobotsTxtItself() {
    assertThat(RobotsRules.disallowAll().allows("/robots.txt")).isTrue();
    assertThat(RobotsRules.disallowAll().allows("/")).isFalse();
    assertThat(RobotsRules.allowAll().allows("/")).isTrue();
  }
}
