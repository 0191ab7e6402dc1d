package io.policywire.dedupe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The exact-duplicate fingerprint of a clean text: SHA-256 over the text folded for matching
 * (lower case, every run of punctuation, quotes, dashes and white space made one space), so
 * that copies differing only in typography or line wrapping share a fingerprint.
 */
public final class ContentFingerprint {

  private ContentFingerprint() {}

  public static String of(String text) {
    return ofFolded(fold(text));
  }

  /** The fingerprint of a text already {@linkplain #fold folded}. */
  static String ofFolded(String folded) {
    return HexFormat.of().formatHex(sha256(folded));
  }

  /**
   * The text in lower case with every run of characters other than letters and numbers made one
   * space, none at either end: what {@code [^\\p{L}\\p{N}]+} replaced by a space and stripped
   * gives, in one pass (the regex was the costliest part of a sketch in a profile of bench).
   */
  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean gap = false;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (isLetterOrNumber(cp)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.appendCodePoint(cp);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /** {@code \\p{L}} or {@code \\p{N}}: letters, and numbers of every kind, not only digits. */
  private static boolean isLetterOrNumber(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
