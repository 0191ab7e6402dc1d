package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.policywire.model.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties over generated articles (a seeded generator, so a failure names the seed that
 * reproduces it): normalising the output again gives the same title, text and language; the
 * text is clean; only {@link InvalidArticleException} is ever thrown. And on adversarial inputs
 * at the size cap, each record finishes within a bound.
 */
class NormalizePropertiesTest {

  private static final int TRIES = 400;
  private static final int MAX_BYTES = 1 << 20;
  private static final String[] STORY = {
      "The regulator opened an investigation on Monday into the company's licensing terms.",
      "\u201cWe will appeal,\u201d the company said in a statement \u2014 its third this year.",
      "Lawmakers voted 312 to 97 to pass the bill, which now goes to the Senate.",
      "La Commission a infligé une amende de 1,8 milliard d'euros à l'entreprise.",
      "Officials said the rules, in force since 2016, had pushed up prices for consumers.",
      "The deal, valued at $69 billion, was cleared after the firm agreed to license games.",
      "Die Behörde prüft, ob das Unternehmen gegen das Wettbewerbsrecht verstoßen hat.",
      "TikTok\u2019s owner, ByteDance, said it would \u201cstrictly follow\u201d the rules."};
  private static final String[] JUNK = {"Skip to main content", "Share on Twitter",
      "Advertisement", "Sign up for our newsletter to get updates in your inbox.", "P", "T", "\u2022",
      "Related", "Popular posts from this blog", "Read more: other news", "With AFP",
      "Source: TechCrunch", "(Reuters)", "By Jane Doe", "Copyright 2024. All rights reserved.",
      "Facebook", "Copy link", "12", "Photo: Archive", "Leaders meet in Rome. (Getty Images)"};
  private static final String[] NOISE = {"\u200b", "\u200d", "\u202e", "\u2066", "\u2069",
      "\ufeff", "\u00ad", "\u00a0", "\u202f", "\t", "\r\n", "\r", "\u2028", "\ufb01", "\uff21",
      "\u0301", "e\u0301", "\ud83d\ude00", "\ud800", "\udc00", "\u0000", "\u0007", "  ", "\n\n\n",
      "\ufffd", "\u2460", "\u2014", "\u2019", "&amp;", "<", ">"};
  private static final String[] DATELINES = {"", "", "PARIS (AFP) \u2014 ",
      "WASHINGTON, June 3 (Reuters) - ", "(AP) \u2014 ", "BRUSSELS \u2014 "};
  private static final String[] TAGS = {"<p>", "</p>", "<div class='share'>", "</div>", "<br>",
      "<nav>", "</nav>", "<article>", "</article>", "<li><a href='/x'>", "</a></li>", "<h2>",
      "</h2>", "<script>var x = '</p>';</script>", "<!-- comment -->", "<figure><figcaption>",
      "</figcaption></figure>", "<span>", "</span>", "<aside class='related'>", "</aside>"};

  private final Normalizer normalizer = new Normalizer(MAX_BYTES);

  @Test
  void shouldGiveTheSameTitleTextAndLanguageWhenNormalisingTwice() {
    int normalised = 0;
    for (int seed = 0; seed < TRIES; seed++) {
      RawArticle raw = generated(seed);
      NormalizedArticle once;
      try {
        once = normalizer.normalize(raw);
      } catch (InvalidArticleException rejected) {
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " threw " + e, e);
      }
      normalised++;
      NormalizedArticle twice = again(once, seed);
      assertThat(twice.title()).as("title, seed %d", seed).isEqualTo(once.title());
      assertThat(twice.text()).as("text, seed %d", seed).isEqualTo(once.text());
      assertThat(twice.language()).as("language, seed %d", seed).isEqualTo(once.language());
      assertClean(once.text(), seed);
      assertThat(MatchFold.fold(once.text())).hasSameSizeAs(once.text());
    }
    // most generated articles have a story line or two: the property is not vacuous
    assertThat(normalised).isGreaterThan(TRIES / 2);
  }

  private NormalizedArticle again(NormalizedArticle once, int seed) {
    try {
      return normalizer.normalize(new RawArticle(once.id(), once.url(), once.source(),
          once.title(), once.text(), RawArticle.TEXT_PLAIN, once.publishedAt(), once.language()));
    } catch (InvalidArticleException e) {
      return fail("seed " + seed + ": normalised output rejected on the second pass: "
          + e.getMessage());
    }
  }

  private static void assertClean(String text, int seed) {
    assertThat(text).as("seed %d", seed).doesNotContain("\r", "\n\n\n", "\t", "  ")
        .isEqualTo(text.strip());
    text.codePoints().forEach(c -> {
      int type = Character.getType(c);
      assertThat(type == Character.CONTROL && c != '\n' || type == Character.FORMAT
          || type == Character.SURROGATE).as("seed %d: U+%04X left in text", seed, c).isFalse();
    });
  }

  /** The generated article of one seed: plain text for even seeds, a page for odd ones. */
  static RawArticle generated(int seed) {
    Random random = new Random(seed);
    return seed % 2 == 1 ? html(random) : text(random);
  }

  private static RawArticle text(Random r) {
    StringBuilder body = new StringBuilder(pick(r, DATELINES));
    int lines = 1 + r.nextInt(12);
    for (int i = 0; i < lines; i++) {
      body.append(r.nextInt(3) == 0 ? pick(r, JUNK) : sentenceWithNoise(r));
      body.append(r.nextBoolean() ? "\n\n" : "\n");
    }
    String title = r.nextInt(5) == 0 ? pick(r, JUNK) : sentenceWithNoise(r);
    return new RawArticle("p" + r.nextInt(1000), null, "gen", title, body.toString(),
        RawArticle.TEXT_PLAIN, null, r.nextBoolean() ? "en" : null);
  }

  private static RawArticle html(Random r) {
    StringBuilder page = new StringBuilder("<html><head><title>")
        .append(sentenceWithNoise(r).replace("<", "")).append("</title></head><body>");
    int parts = 1 + r.nextInt(20);
    for (int i = 0; i < parts; i++) {
      page.append(pick(r, TAGS)).append(r.nextInt(3) == 0 ? pick(r, JUNK) : sentenceWithNoise(r));
    }
    return new RawArticle("h" + r.nextInt(1000), null, null, null, page.append("</body></html>")
        .toString(), RawArticle.TEXT_HTML, null, null);
  }

  private static String sentenceWithNoise(Random r) {
    StringBuilder s = new StringBuilder(pick(r, STORY));
    int noise = r.nextInt(4);
    for (int i = 0; i < noise; i++) {
      s.insert(r.nextInt(s.length() + 1), pick(r, NOISE));
    }
    return s.toString();
  }

  private static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  @Test
  void shouldFinishEveryAdversarialRecordAtTheSizeCapWithinABound() {
    Map<String, RawArticle> inputs = new LinkedHashMap<>();
    String sentence = STORY[0] + "\n";
    inputs.put("nested divs", html("<div>".repeat(200_000)));
    inputs.put("unclosed attributes", html("<a title='".repeat(100_000)));
    inputs.put("long class names", html(("<div class='" + "a-b".repeat(160) + "'>x</div>")
        .repeat(2_000)));
    inputs.put("entity storm", html("<p>" + "&amp;&#x41;&nbsp;&bogus;".repeat(40_000)));
    inputs.put("one megabyte line", text("share on ".repeat(110_000)));
    inputs.put("share lines that just fail", text(("share on ".repeat(33) + "x\n").repeat(3_000)));
    inputs.put("stray letters", text("P\n".repeat(500_000) + sentence));
    inputs.put("tail headings", text(sentence.repeat(5) + "Related\n".repeat(100_000)));
    inputs.put("closing credits", text(sentence + "With AFP\n".repeat(100_000)));
    inputs.put("captions", text("Leaders meet. (Photo by A/Getty Images)\n".repeat(25_000)));
    inputs.put("zero width", text("\u200b".repeat(300_000) + sentence));
    inputs.put("mixed combining marks", text("a" + "\u0301\u0316".repeat(150_000) + " " + sentence));
    inputs.put("carriage returns", text("\r".repeat(1_000_000) + sentence));
    inputs.put("long dateline", text("A".repeat(500_000) + " (AFP) - " + sentence));
    List<String> slow = new ArrayList<>();
    inputs.forEach((name, raw) -> {
      long start = System.nanoTime();
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        try {
          normalizer.normalize(raw);
        } catch (InvalidArticleException rejected) {
          // a clear rejection is a fine answer; a hang or another exception is not
        }
      }, name);
      slow.add(String.format("%s %d ms", name, (System.nanoTime() - start) / 1_000_000));
    });
    System.out.println("adversarial records: " + String.join(", ", slow));
  }

  private static RawArticle text(String body) {
    return new RawArticle("adv", null, null, "Adversarial input", body, RawArticle.TEXT_PLAIN,
        null, null);
  }

  private static RawArticle html(String body) {
    return new RawArticle("adv", null, null, "Adversarial input", "<html><body>" + body,
        RawArticle.TEXT_HTML, null, null);
  }
}
