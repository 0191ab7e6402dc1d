package io.policywire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoEnvironmentTest {

  @Test
  void shouldGiveTheDemoAYearOfGraceUnlessTheUserSetsIt() {
    assertThat(ConfigLoader.defaults(DemoCommand.demoEnvironment(Map.of())).dedupeGrace())
        .isEqualTo(Duration.ofDays(400));
    assertThat(ConfigLoader.defaults(DemoCommand.demoEnvironment(
        Map.of("POLICYWIRE_DEDUPE_GRACE", "3d"))).dedupeGrace()).isEqualTo(Duration.ofDays(3));
  }
}
