package io.policywire.normalize;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks on the bytes of a raw record, before JSON parsing: the contract says UTF-8 JSON, and a
 * record far bigger than any acceptable article is refused without parsing it. Jackson would
 * otherwise accept UTF-16 and UTF-32 (it sniffs them) and take its time over a huge value.
 */
public final class RawRecords {

  /** JSON escapes can make text up to six times longer (\\u00e9 for é); metadata adds a bit. */
  static final int JSON_OVERHEAD = 6;
  static final int METADATA_SLACK = 64 * 1024;

  private RawRecords() {}

  /** The record's bytes, unchanged, or {@link InvalidArticleException} saying why not. */
  public static byte[] check(byte[] bytes, int maxArticleBytes) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidArticleException("record has no value");
    }
    long max = (long) maxArticleBytes * JSON_OVERHEAD + METADATA_SLACK;
    if (bytes.length > max) {
      throw new InvalidArticleException("record is " + bytes.length + " bytes, over the limit of "
          + max + " for a raw article JSON (max.article.bytes " + maxArticleBytes + ")");
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      utf8.decode(in);
    } catch (CharacterCodingException e) {
      int at = in.position();
      throw new InvalidArticleException("record is not UTF-8: invalid byte 0x"
          + String.format("%02X", bytes[Math.min(at, bytes.length - 1)] & 0xff) + " at offset " + at);
    }
    return bytes;
  }
}
