package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.config.ConfigException;
import io.policywire.config.ConfigLoader;
import io.policywire.dedupe.DedupeSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupeSettingsConfigTest {

  @Test
  void shouldDefaultToASevenDayWindowWithTwoDaysOfGrace() {
    DedupeSettings s = DedupeStage.settings(ConfigLoader.defaults(Map.of()));
    assertThat(s.window()).isEqualTo(Duration.ofDays(7));
    assertThat(s.grace()).isEqualTo(Duration.ofDays(2));
    assertThat(s.retention()).isEqualTo(Duration.ofDays(9));
  }

  @Test
  void shouldTakeTheWindowFromTheEnvironmentInShortOrIsoForm() {
    DedupeSettings s = DedupeStage.settings(ConfigLoader.defaults(Map.of(
        "POLICYWIRE_DEDUPE_WINDOW", "36h", "POLICYWIRE_DEDUPE_GRACE", "PT90M")));
    assertThat(s.window()).isEqualTo(Duration.ofHours(36));
    assertThat(s.grace()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void shouldRejectAWindowThatIsNotADuration() {
    assertThatThrownBy(() -> ConfigLoader.defaults(Map.of("POLICYWIRE_DEDUPE_WINDOW", "a week")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("dedupe.window");
  }
}
