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
 *
 * <p>For a Java record type (immutable) each stream thread remembers the last value this serde
 * wrote and the last it read, each with its bytes: writing either object again (by identity)
 * returns those bytes instead of serialising it once more. That is the common case in the
 * topology: a value hashed by {@code EmitOnChange} and then written by the sink after it, a
 * value read from a topic and then put into a store, one sketch put into the band index under
 * each of its bands (between reads of the index). It relies on a record not changing once
 * written, which ours keep: they are copied, never changed (a list inside one included).
 */
public class JacksonSerde<T> implements Serde<T> {

  /** The last value one serde wrote and read on one thread, each with its bytes. */
  private static final class Last {
    private Object written;
    private byte[] writtenBytes;
    private Object read;
    private byte[] readBytes;
  }

  private final Class<T> type;
  private final String format;
  private final ObjectReader reader;
  private final ObjectWriter writer;
  private final ThreadLocal<Last> last;

  protected JacksonSerde(Class<T> type, ObjectMapper mapper, String format) {
    this.type = type;
    this.format = format;
    this.reader = mapper.readerFor(type);
    this.writer = mapper.writerFor(type);
    this.last = type.isRecord() ? ThreadLocal.withInitial(Last::new) : null;
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
      Last remembered = last == null ? null : last.get();
      if (remembered != null) {
        if (remembered.written == value) {
          return remembered.writtenBytes;
        }
        if (remembered.read == value) {
          return remembered.readBytes;
        }
      }
      try {
        byte[] bytes = writer.writeValueAsBytes(value);
        if (remembered != null) {
          remembered.written = value;
          remembered.writtenBytes = bytes;
        }
        return bytes;
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
        T value = reader.readValue(bytes);
        if (last != null && value != null) {
          Last remembered = last.get();
          remembered.read = value;
          remembered.readBytes = bytes;
        }
        return value;
      } catch (IOException e) {
        throw new SerializationException(
            "not a valid " + type.getSimpleName() + " " + format + " record: " + reason(e), e);
      }
    };
  }
}
