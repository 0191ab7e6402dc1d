package io.policywire.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicywireConfigTest {

  @Test
  void shouldHideSecretKafkaSettingsWhenPrinted() {
    PolicywireConfig config = ConfigLoader.defaults(Map.of(
        "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule "
            + "required username=\"p\" password=\"jaas-pw-1\";",
        "KAFKA_SSL_KEYSTORE_PASSWORD", "keystore-pw-2",
        "KAFKA_SSL_KEY_PASSWORD", "key-pw-3",
        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));

    String shown = config.toString();

    assertThat(shown).doesNotContain("jaas-pw-1", "keystore-pw-2", "key-pw-3")
        .contains("security.protocol=SASL_SSL", "sasl.jaas.config=[hidden]",
            "applicationId=" + config.applicationId(), "bootstrapServers=");
    assertThat(config.kafka()).containsEntry("ssl.key.password", "key-pw-3");
  }

  @Test
  void shouldAddKafkaSettingsOverTheCurrentOnes() {
    PolicywireConfig config = ConfigLoader.defaults(Map.of("KAFKA_CLIENT_ID", "a"))
        .withKafka(Map.of("client.id", "b", "security.protocol", "SASL_PLAINTEXT"));
    assertThat(config.kafka()).containsEntry("client.id", "b")
        .containsEntry("security.protocol", "SASL_PLAINTEXT");
  }
}
