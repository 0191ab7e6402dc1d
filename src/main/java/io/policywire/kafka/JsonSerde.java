package io.policywire.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Jackson-backed serde for one record type. Null in, null out (tombstones pass through). */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  public JsonSerde(Class<T> type) {
    this.type = type;
    this.reader = Json.MAPPER.readerFor(type);
    this.writer = Json.MAPPER.writerFor(type);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return writer.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON", e);
      }
    };
  }

  /** Jackson's message without the echo of the input, which may be huge or hostile. */
  private static String reason(IOException e) {
    return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return reader.readValue(bytes);
      } catch (IOException e) {
        throw new SerializationException(
            "not a valid " + type.getSimpleName() + " JSON record: " + reason(e), e);
      }
    };
  }
}
