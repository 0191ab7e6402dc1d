package io.policywire.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * What an article puts in a log message (its id, its title, an error about it) cannot forge a
 * log line, recolour a terminal or reorder text: the layout of our log4j2.xml escapes line
 * breaks and replaces other control characters and bidi controls.
 */
class LogSafetyTest {

  @Test
  void shouldKeepHostileTextOnOneLineWithoutControlOrBidiCharacters() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Layout<?> layout = context.getConfiguration().getAppender("stderr").getLayout();
    String hostile = "article evil\r\n12:00:00.000 INFO forged \u001b[31mred\u001b[0m"
        + " \u202eevil\u202c \u2066iso\u2069 nul\u0000 bell\u0007";

    String line = layout.toSerializable(Log4jLogEvent.newBuilder().setLoggerName("t")
        .setLevel(Level.WARN).setMessage(new SimpleMessage(hostile)).build()).toString();

    String withoutEnd = line.substring(0, line.length() - System.lineSeparator().length());
    assertThat(withoutEnd).doesNotContain("\n").doesNotContain("\r")
        .contains("\\r\\n12:00:00.000 INFO forged");
    assertThat(withoutEnd.codePoints().filter(cp -> Character.getType(cp) == Character.CONTROL
        || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))).isEmpty();
    assertThat(withoutEnd).contains("[31mred").contains("evil").contains("nul");
  }
}
