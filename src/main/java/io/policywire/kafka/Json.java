package io.policywire.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The one configured JSON ObjectMapper: java.time as ISO text, unknown fields ignored on read,
 * and Blackbird's generated accessors instead of reflection. {@link Smile#MAPPER} shares these
 * settings.
 */
public final class Json {

  public static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

  private Json() {}

  /** The settings of every mapper of the project, JSON or Smile. */
  static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
    return settings(builder).addModule(new BlackbirdModule());
  }

  /** {@link #configure} without Blackbird: what the mappers were before it, for comparisons. */
  public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B settings(B builder) {
    return builder
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.ALWAYS);
  }
}
