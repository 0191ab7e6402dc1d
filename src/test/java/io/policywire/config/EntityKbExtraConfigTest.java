package io.policywire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb.extra}: users' own knowledge-base files, from a config file or the environment. */
class EntityKbExtraConfigTest {

  @Test
  void shouldHaveNoExtraFilesByDefault() {
    assertThat(ConfigLoader.defaults(Map.of()).kbExtra()).isEmpty();
  }

  @Test
  void shouldTakeCommaSeparatedFilesFromTheEnvironment(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.tsv"), "");
    Path b = Files.writeString(dir.resolve("b.tsv"), "");
    PolicywireConfig config = ConfigLoader.defaults(Map.of("POLICYWIRE_KB_EXTRA", a + ", " + b));
    assertThat(config.kbExtra()).containsExactly(a, b);
    assertThat(config.withHttpPort(1).kbExtra()).containsExactly(a, b);
  }

  @Test
  void shouldFailAtStartUpOnAMissingFile(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.defaults(
        Map.of("POLICYWIRE_KB_EXTRA", dir.resolve("nope.tsv").toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("kb.extra");
  }
}
