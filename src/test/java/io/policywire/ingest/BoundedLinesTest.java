package io.policywire.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

  @Test
  void shouldSplitOnNewlinesDroppingCarriageReturns() throws IOException {
    assertThat(read("a\r\nbb\n\nccc", 100)).containsExactly("a", "bb", "", "ccc");
  }

  @Test
  void shouldNotInventLineAfterFinalNewline() throws IOException {
    assertThat(read("a\nb\n", 100)).containsExactly("a", "b");
  }

  @Test
  void shouldMarkTooLongLinesAndKeepGoing() throws IOException {
    assertThat(read("short\n" + "x".repeat(200_000) + "\nafter", 1000))
        .containsExactly("short", "<too long: 200000>", "after");
  }

  @Test
  void shouldReadLinesSpanningManyReads() throws IOException {
    String longLine = "y".repeat(150_000);
    InputStream trickle = new ByteArrayInputStream((longLine + "\nz").getBytes(UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 7));
      }
    };

    BoundedLines lines = new BoundedLines(trickle, 1 << 20);

    assertThat(new String(lines.next().bytes(), UTF_8)).isEqualTo(longLine);
    assertThat(lines.next().number()).isEqualTo(2);
    assertThat(lines.next()).isNull();
  }

  private static List<String> read(String text, int max) throws IOException {
    BoundedLines lines = new BoundedLines(new ByteArrayInputStream(text.getBytes(UTF_8)), max);
    List<String> out = new ArrayList<>();
    for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
      out.add(line.tooLong() ? "<too long: " + line.length() + ">" : new String(line.bytes(), UTF_8));
    }
    return out;
  }
}
