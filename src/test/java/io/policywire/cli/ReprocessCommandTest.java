package io.policywire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReprocessCommandTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void shouldReadAnInstantADateOrADurationAgo() {
    assertThat(ReprocessCommand.parseSince("2026-11-01T06:30:00Z", NOW))
        .isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
    assertThat(ReprocessCommand.parseSince("2026-11-01", NOW))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(ReprocessCommand.parseSince("7d", NOW))
        .isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    assertThat(ReprocessCommand.parseSince(" 12h ", NOW))
        .isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
  }

  @Test
  void shouldRejectAnythingElseNamingTheForms() {
    assertThatThrownBy(() -> ReprocessCommand.parseSince("last week", NOW))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("'last week'").hasMessageContaining("2026-11-01");
  }

  @Test
  void shouldRequireSince() {
    int code = new CommandLine(new Main()).setErr(new java.io.PrintWriter(
        java.io.Writer.nullWriter())).execute("reprocess");
    assertThat(code).isEqualTo(2);
  }
}
