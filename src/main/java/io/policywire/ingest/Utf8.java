package io.policywire.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding: malformed bytes are an error naming their offset, never replaced with
 * U+FFFD, so a Latin-1 file is reported instead of published mangled. A leading BOM is dropped.
 */
final class Utf8 {

  private static final char BOM = '\uFEFF';

  private Utf8() {}

  static String decode(byte[] bytes) throws BadInputException {
    return decode(bytes, 0, bytes.length);
  }

  static String decode(byte[] bytes, int offset, int length) throws BadInputException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new BadInputException("not valid UTF-8 (bad byte at offset " + (in.position() - offset)
          + "); convert the file to UTF-8");
    }
    decoder.flush(out);
    out.flip();
    return stripBom(out.toString());
  }

  static String stripBom(String text) {
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }
}
