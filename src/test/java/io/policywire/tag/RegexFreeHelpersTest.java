package io.policywire.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The helpers that replaced regexes and {@link Character} look-ups on the tagging path give the
 * same results.
 */
class RegexFreeHelpersTest {

  private static final List<String> SAMPLES = List.of("", " ", "a", "Jennifer Zeng",
      "  Jennifer   Zeng ", "O'Brien", "Jean-Luc  Picard.", "J. R. R. Tolkien,", "U.S.",
      "--x--", "Zeng\tJennifer\nX", "a\u00A0b", "\u00C9mile Zola", "Caf\u00E9", "Lee Jae-myung",
      "AT&T Inc.", "100 Labs", "x\u000By\fz\r", "Ko\u0308nig");

  @Test
  void shouldClassifyEveryCharAsCharacterDoes() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      assertThat(FoldedText.isWordChar(ch)).as("U+%04X", c)
          .isEqualTo(Character.isLetterOrDigit(ch));
      assertThat(FoldedText.isUpper(ch)).as("U+%04X", c).isEqualTo(Character.isUpperCase(ch));
    }
  }

  @Test
  void shouldSlugIdsAsTheRegexesDid() {
    for (String name : SAMPLES) {
      String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
          .replaceAll("^-+|-+$", "");
      assertThat(NameFinder.idFor("PERSON", name)).as(name)
          .isEqualTo("person:" + (slug.isEmpty() ? "x" : slug));
    }
  }

  @Test
  void shouldCollapseSpacesAsTheRegexDid() {
    for (String s : SAMPLES) {
      assertThat(NameFinder.collapseSpaces("<" + s + ">", 1, s.length() + 1)).as(s)
          .isEqualTo(s.replaceAll("\\s+", " "));
    }
  }

  @Test
  void shouldTakeTheFirstAndLastTokensAsTheSplitDid() {
    for (String s : SAMPLES) {
      String[] tokens = s.split("\\s+");
      String[] expected = tokens.length < 2 ? null
          : new String[] {tokens[0], tokens[tokens.length - 1]};
      assertThat(EntityTagger.firstAndLast(s)).as(s).isEqualTo(expected);
    }
  }

  @Test
  void shouldKeepAPeriodAsTheStreamDid() {
    for (String s : List.of("U.S.", "Inc.", "J.", "end.", "ab.", "a.b.c.d.", "x.", "..", ".",
        "U.S.A.", "e.g.", "Sept.", "1.", "\u00C9.", "abcd.e.")) {
      String w = s.toLowerCase(Locale.ROOT);
      boolean expected = List.of("inc.", "u.s.", "sept.").contains(w)
          || w.length() >= 2 && w.chars().filter(c -> c == '.').count() >= 1
          && w.replace(".", "").length() <= 3 && w.indexOf('.') < w.length() - 1
          || (w.length() == 2 && Character.isLetter(w.charAt(0)));
      assertThat(Tokens.keepsPeriod(s, 0, s.length())).as(s).isEqualTo(expected);
    }
  }
}
