package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizeUnicodeTest {

  @Test
  void shouldRemoveZeroWidthBidiAndOtherInvisibleCharacters() {
    String hidden = "\ufeffTik\u200bTok\u200c \u2066ban\u2069 \u202eKO\u202c \u200eand\u200f "
        + "soft\u00adhyphen\u2060 \ue000private";

    assertThat(TextCleaner.clean(hidden)).isEqualTo("TikTok ban KO and softhyphen \ue000private");
  }

  @Test
  void shouldDropUnpairedSurrogatesButKeepPairs() {
    assertThat(TextCleaner.clean("a\ud800b \ud83d\ude00 c\udc00")).isEqualTo("ab \ud83d\ude00 c");
  }

  @Test
  void shouldApplyNfkcToNoBreakSpacesLigaturesAndFullWidthForms() {
    assertThat(TextCleaner.clean("\ufb01ne\u00a0of \uff15\uff10 million\u202fEUR \u2460"))
        .isEqualTo("fine of 50 million EUR 1");
  }

  @Test
  void shouldKeepCurlyQuotesAndDashesInTheReadableText() {
    assertThat(TextCleaner.clean("\u201cNo\u201d \u2014 it\u2019s")).isEqualTo("\u201cNo\u201d \u2014 it\u2019s");
  }

  @Test
  void shouldFoldQuotesDashesSpacesAndCaseOneCharForOne() {
    String text = "TikTok\u2019s \u201cban\u201d \u2014 ByteDance\u2013CFIUS\u00a0talks";

    String folded = MatchFold.fold(text);

    assertThat(folded).isEqualTo("tiktok's \"ban\" - bytedance-cfius talks");
    assertThat(folded).hasSameSizeAs(text);
  }

  @Test
  void shouldGiveOffsetsInTheFoldThatPointIntoTheReadableText() {
    String text = "On Friday, \u201cTikTok\u2019s owner\u201d said it would \u2014 again \u2014 appeal.";
    String folded = MatchFold.fold(text);

    int start = folded.indexOf("tiktok's owner");
    int end = start + "tiktok's owner".length();

    assertThat(text.substring(start, end)).isEqualTo("TikTok\u2019s owner");
  }

  @Test
  void shouldBeIdempotent() {
    String messy = " a\u00a0\u00a0b\r\n\r\n\r\n\u2028c\u200b\t d \n";
    String once = TextCleaner.clean(messy);

    assertThat(TextCleaner.clean(once)).isEqualTo(once);
    assertThat(TextCleaner.oneLine(TextCleaner.oneLine("x\n\ny"))).isEqualTo("x y");
  }
}
