package io.policywire.dedupe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The exact-duplicate fingerprint of a clean text: SHA-256 over the text folded for matching
 * (lower case, every run of punctuation, quotes, dashes and white space made one space), so
 * that copies differing only in typography or line wrapping share a fingerprint.
 */
public final class ContentFingerprint {

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private ContentFingerprint() {}

  public static String of(String text) {
    return HexFormat.of().formatHex(sha256(fold(text)));
  }

  static String fold(String text) {
    return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
