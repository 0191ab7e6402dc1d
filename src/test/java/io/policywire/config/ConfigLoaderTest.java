package io.policywire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void shouldGiveDocumentedDefaultsWithoutFileOrEnvironment() {
    PolicywireConfig config = ConfigLoader.defaults(Map.of());

    assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.applicationId()).isEqualTo("policywire");
    assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
    assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.topics().raw()).isEqualTo("news.articles.raw");
    assertThat(config.kafka()).isEmpty();
  }

  @Test
  void shouldLetEnvironmentOverrideFileAndFileOverrideDefaults() throws Exception {
    Path file = dir.resolve("policywire.properties");
    Files.writeString(file, "http.port=9000\napplication.id=from-file\nkafka.linger.ms=5\n");

    PolicywireConfig config = ConfigLoader.load(file, Map.of(
        "POLICYWIRE_HTTP_PORT", "9100",
        "POLICYWIRE_TOPIC_PREFIX", "staging.",
        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
        "PATH", "/usr/bin"));

    assertThat(config.httpPort()).isEqualTo(9100);
    assertThat(config.applicationId()).isEqualTo("from-file");
    assertThat(config.topics().stories()).isEqualTo("staging.news.stories");
    assertThat(config.kafka())
        .containsEntry("linger.ms", "5")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .hasSize(2);
  }

  @Test
  void shouldIgnoreKubernetesServiceLinksThatLookLikeKafkaSettings() {
    PolicywireConfig config = ConfigLoader.defaults(Map.of(
        "KAFKA_PORT", "tcp://10.0.0.1:9092",
        "KAFKA_PORT_9092_TCP_ADDR", "10.0.0.1",
        "KAFKA_SERVICE_HOST", "10.0.0.1"));

    assertThat(config.kafka()).isEmpty();
  }

  @Test
  void shouldRejectUnknownSettingNamingWhereItCameFrom() {
    assertThatThrownBy(() -> ConfigLoader.defaults(Map.of("POLICYWIRE_HTTP_PROT", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.prot")
        .hasMessageContaining("POLICYWIRE_HTTP_PROT");
  }

  @Test
  void shouldRejectOutOfRangeAndNonNumericValues() {
    assertThatThrownBy(() -> ConfigLoader.defaults(Map.of("POLICYWIRE_HTTP_PORT", "70000")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("http.port");
    assertThatThrownBy(() -> ConfigLoader.defaults(Map.of("POLICYWIRE_NUM_STREAM_THREADS", "two")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("whole number");
  }

  @Test
  void shouldRejectUnknownProcessingGuarantee() {
    assertThatThrownBy(() ->
        ConfigLoader.defaults(Map.of("POLICYWIRE_PROCESSING_GUARANTEE", "exactly_once")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exactly_once_v2");
  }

  @Test
  void shouldReportUnreadableFile() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.properties"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("missing.properties");
  }
}
