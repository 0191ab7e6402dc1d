package io.policywire.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Jackson-backed serde for one record type, in the format of its mapper ({@link JsonSerde}:
 * JSON, {@link SmileSerde}: Smile). Null in, null out (tombstones pass through).
 */
public class JacksonSerde<T> implements Serde<T> {

  private final Class<T> type;
  private final String format;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  protected JacksonSerde(Class<T> type, ObjectMapper mapper, String format) {
    this.type = type;
    this.format = format;
    this.reader = mapper.readerFor(type);
    this.writer = mapper.writerFor(type);
  }

  /** The format's name, as error messages give it: {@code JSON} or {@code Smile}. */
  public final String format() {
    return format;
  }

  @Override
  public final Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return writer.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new SerializationException(
            "cannot write " + type.getSimpleName() + " as " + format, e);
      }
    };
  }

  /** Jackson's message without the echo of the input, which may be huge or hostile. */
  private static String reason(IOException e) {
    return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
  }

  @Override
  public final Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return reader.readValue(bytes);
      } catch (IOException e) {
        throw new SerializationException(
            "not a valid " + type.getSimpleName() + " " + format + " record: " + reason(e), e);
      }
    };
  }
}
