package io.policywire.tag.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  private static List<String> sentences(String text) {
    return SentenceSplitter.split(text).stream().map(s -> s.of(text)).toList();
  }

  @Test
  void shouldKeepTitlesMonthsAndInitialsInsideTheSentence() {
    String text = "Sen. Marco Rubio wrote to Mr. Chew on Sept. 15 about J. Smith. He got no answer.";

    assertThat(sentences(text)).containsExactly(
        "Sen. Marco Rubio wrote to Mr. Chew on Sept. 15 about J. Smith.", "He got no answer.");
  }

  @Test
  void shouldEndASentenceAfterUsOnlyWhenASentenceOpenerFollows() {
    String text = "The app struggled in the U.S. As the sale neared, a U.S. Senate panel met.";

    assertThat(sentences(text)).containsExactly("The app struggled in the U.S.",
        "As the sale neared, a U.S. Senate panel met.");
  }

  @Test
  void shouldSplitAfterAClosingQuoteAndAtEveryLineBreak() {
    String text = "\u201cWe disagree,\u201d it said. \u201cWe will appeal.\u201d Then it left.\n"
        + "A headline without a stop\nNext line";

    assertThat(sentences(text)).containsExactly("\u201cWe disagree,\u201d it said.",
        "\u201cWe will appeal.\u201d", "Then it left.", "A headline without a stop", "Next line");
  }

  @Test
  void shouldGiveOffsetsIntoTheText() {
    String text = "  One here.  Two there.";

    assertThat(SentenceSplitter.split(text)).containsExactly(
        new SentenceSplitter.Span(2, 11), new SentenceSplitter.Span(13, 23));
  }
}
