package io.policywire.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

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
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long number;
  private boolean eof;

  BoundedLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** How many lines have been read so far. */
  long count() {
    return number;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long length = 0;
    while (fill()) {
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      int kept = (int) Math.max(0, Math.min(end - position, maxLineBytes - length));
      line.write(buffer, position, kept);
      length += end - position;
      position = newline < 0 ? limit : newline + 1;
      if (newline >= 0) {
        return line(line, length);
      }
    }
    return length == 0 ? null : line(line, length);
  }

  private Line line(ByteArrayOutputStream bytes, long length) {
    number++;
    return length > maxLineBytes ? new Line(number, null, length)
        : new Line(number, stripCr(bytes.toByteArray()), length);
  }

  /** True when there are buffered bytes to consume. */
  private boolean fill() throws IOException {
    if (position < limit) {
      return true;
    }
    if (eof) {
      return false;
    }
    int n = in.read(buffer);
    eof = n < 0;
    position = 0;
    limit = Math.max(n, 0);
    return n > 0 || (!eof && fill());
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static byte[] stripCr(byte[] line) {
    boolean cr = line.length > 0 && line[line.length - 1] == '\r';
    return cr ? Arrays.copyOf(line, line.length - 1) : line;
  }
}
