package io.policywire.kafka;

/**
 * A serde for one record type as JSON ({@link Json#MAPPER}): the format of every topic others
 * read (see {@link AppSerdes}).
 */
public final class JsonSerde<T> extends JacksonSerde<T> {

  public JsonSerde(Class<T> type) {
    super(type, Json.MAPPER, "JSON");
  }
}
