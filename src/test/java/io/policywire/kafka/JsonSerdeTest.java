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

  @Test
  void shouldWriteTheSameRecordOnceAndReuseTheBytesItWasReadFrom() {
    RawArticle article = new RawArticle("a1", "u", "s", "T", "B", "text/plain", null, "en");
    byte[] first = serde.serializer().serialize("t", article);

    assertThat(serde.serializer().serialize("t", article)).as("same object").isSameAs(first);
    RawArticle equal = new RawArticle("a1", "u", "s", "T", "B", "text/plain", null, "en");
    assertThat(serde.serializer().serialize("t", equal)).as("another object")
        .isNotSameAs(first).isEqualTo(first);
    byte[] input = "{\"id\":\"a2\",\"title\":\"T\",\"body\":\"B\",\"extra\":1}"
        .getBytes(StandardCharsets.UTF_8);
    RawArticle read = serde.deserializer().deserialize("t", input);
    assertThat(serde.serializer().serialize("t", read)).as("read, then written")
        .isSameAs(input);
    assertThat(serde.serializer().serialize("t", equal)).as("the last written is still known")
        .isEqualTo(first);
  }

  @Test
  void shouldNotRememberMutableValues() throws Exception {
    JsonSerde<com.fasterxml.jackson.databind.node.ObjectNode> trees =
        new JsonSerde<>(com.fasterxml.jackson.databind.node.ObjectNode.class);
    com.fasterxml.jackson.databind.node.ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("a", 1);
    byte[] before = trees.serializer().serialize("t", node);
    node.put("a", 2);

    assertThat(new String(trees.serializer().serialize("t", node), StandardCharsets.UTF_8))
        .isNotEqualTo(new String(before, StandardCharsets.UTF_8)).isEqualTo("{\"a\":2}");
  }

  @Test
  void shouldRememberPerThread() throws Exception {
    RawArticle article = new RawArticle("a1", "u", "s", "T", "B", "text/plain", null, "en");
    byte[] here = serde.serializer().serialize("t", article);
    byte[][] there = new byte[1][];
    Thread other = new Thread(() -> there[0] = serde.serializer().serialize("t", article));
    other.start();
    other.join();

    assertThat(there[0]).isNotSameAs(here).isEqualTo(here);
  }
}
