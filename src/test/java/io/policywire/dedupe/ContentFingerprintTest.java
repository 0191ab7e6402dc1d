package io.policywire.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  @Test
  void shouldIgnoreCaseTypographyAndLineWrapping() {
    assertThat(ContentFingerprint.of("\u201cBan it,\u201d he said \u2014 today.\n\nEnd."))
        .isEqualTo(ContentFingerprint.of("\"ban it,\" he said - today. End."));
  }

  @Test
  void shouldDifferWhenAWordDiffers() {
    assertThat(ContentFingerprint.of("The ban was upheld."))
        .isNotEqualTo(ContentFingerprint.of("The ban was overturned."));
  }

  /** The one-pass fold gives what the regex it replaced gave, on the corpus and odd text. */
  @Test
  void shouldFoldAsTheRegexDid() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(WireCopyCorpus.SEEDS.getParent())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        texts.add(Files.readString(f, StandardCharsets.ISO_8859_1));
        texts.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    texts.addAll(List.of("", " ", "--", "  a  ", "İstanbul ǅemal Ⅻ ½ ٣ 𝟘𝟙 x\uD800y", "\u00a0ok\u2003",
        "ÀÉÎ straße ΣΑΣ", "a\r\nb\tc"));
    Random random = new Random(1);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        sb.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
      }
      texts.add(sb.toString());
    }
    assertThat(texts).hasSizeGreaterThan(2_010);
    for (String text : texts) {
      assertThat(ContentFingerprint.fold(text)).isEqualTo(regexFold(text));
    }
  }

  private static String regexFold(String text) {
    return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  @Test
  void shouldBeSha256Hex() {
    assertThat(ContentFingerprint.of("x")).matches("[0-9a-f]{64}");
  }
}
