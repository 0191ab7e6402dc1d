package io.policywire.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.model.RawArticle;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

  private final JsonSerde<RawArticle> serde = new JsonSerde<>(RawArticle.class);

  @Test
  void shouldRoundTripRecordAndIgnoreUnknownFields() {
    byte[] json = ("{\"id\":\"a1\",\"title\":\"T\",\"body\":\"B\",\"extra\":42}")
        .getBytes(StandardCharsets.UTF_8);

    RawArticle article = serde.deserializer().deserialize("t", json);

    assertThat(article.id()).isEqualTo("a1");
    assertThat(article.body()).isEqualTo("B");
    byte[] again = serde.serializer().serialize("t", article);
    assertThat(serde.deserializer().deserialize("t", again)).isEqualTo(article);
  }

  @Test
  void shouldPassNullThroughForTombstones() {
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void shouldFailWithSerializationExceptionThatDoesNotEchoTheInput() {
    byte[] bad = "{\"id\": SECRET-PAYLOAD".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bad))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("not a valid RawArticle JSON record")
        .hasMessageNotContaining("SECRET-PAYLOAD");
  }

  @Test
  void shouldRejectWrongTypes() {
    byte[] bad = "{\"id\": {\"nested\": true}}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bad))
        .isInstanceOf(SerializationException.class);
  }
}
