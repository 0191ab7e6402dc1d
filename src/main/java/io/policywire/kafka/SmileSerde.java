package io.policywire.kafka;

/**
 * A serde for one record type as Smile ({@link Smile#MAPPER}): the format of the pipeline's
 * internal data only (see {@link AppSerdes}).
 */
public final class SmileSerde<T> extends JacksonSerde<T> {

  public SmileSerde(Class<T> type) {
    super(type, Smile.MAPPER, "Smile");
  }
}
