package io.policywire.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

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

  @Test
  void shouldBeSha256Hex() {
    assertThat(ContentFingerprint.of("x")).matches("[0-9a-f]{64}");
  }
}
