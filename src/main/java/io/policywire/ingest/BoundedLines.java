package io.policywire.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a byte stream line by line ({@code \n}, with an optional {@code \r} before it), keeping at
 * most {@code maxLineBytes} of each line: a JSON-lines file of any size streams in bounded memory,
 * and each line is decoded on its own, so one bad line does not lose the rest.
 */
final class BoundedLines {

  /** One line: its 1-based number, its bytes (null when it was too long), its full length. */
  record Line(long number, byte[] bytes, long length) {
    boolean tooLong() {
      return bytes == null;
    }
  }

  private final InputStream in;
  private final int maxLineBytes;
  private long number;
  private boolean eof;

  BoundedLines(InputStream in, int maxLineBytes) {
    this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
    this.maxLineBytes = maxLineBytes;
  }

  /** How many lines have been read so far. */
  long count() {
    return number;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    if (eof) {
      return null;
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    long length = 0;
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (length++ < maxLineBytes) {
        buf.write(b);
      }
    }
    if (b == -1) {
      eof = true;
      if (length == 0) {
        return null;
      }
    }
    number++;
    if (length > maxLineBytes) {
      return new Line(number, null, length);
    }
    return new Line(number, stripCr(buf.toByteArray()), length);
  }

  private static byte[] stripCr(byte[] line) {
    if (line.length > 0 && line[line.length - 1] == '\r') {
      byte[] shorter = new byte[line.length - 1];
      System.arraycopy(line, 0, shorter, 0, shorter.length);
      return shorter;
    }
    return line;
  }
}
