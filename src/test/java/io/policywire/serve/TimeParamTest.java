package io.policywire.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeParamTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Instant FALLBACK = Instant.EPOCH;

  @Test
  void shouldReadInstantsDatesEpochMillisAndSpansBackFromNow() {
    assertThat(TimeParam.parse("2026-11-29T08:30:00Z", FALLBACK, NOW))
        .isEqualTo("2026-11-29T08:30:00Z");
    assertThat(TimeParam.parse("2026-11-29", FALLBACK, NOW)).isEqualTo("2026-11-29T00:00:00Z");
    assertThat(TimeParam.parse("1764504000000", FALLBACK, NOW))
        .isEqualTo(Instant.ofEpochMilli(1764504000000L));
    assertThat(TimeParam.parse("24h", FALLBACK, NOW)).isEqualTo("2026-11-29T12:00:00Z");
    assertThat(TimeParam.parse("7d", FALLBACK, NOW)).isEqualTo("2026-11-23T12:00:00Z");
    assertThat(TimeParam.parse("90m", FALLBACK, NOW)).isEqualTo("2026-11-30T10:30:00Z");
  }

  @Test
  void shouldUseTheFallbackWhenAbsentAndRejectWhatIsNotATime() {
    assertThat(TimeParam.parse(null, FALLBACK, NOW)).isEqualTo(FALLBACK);
    assertThat(TimeParam.parse(" ", FALLBACK, NOW)).isEqualTo(FALLBACK);
    assertThatThrownBy(() -> TimeParam.parse("yesterday", FALLBACK, NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a time");
    assertThatThrownBy(() -> TimeParam.parse("2026-13-01", FALLBACK, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
