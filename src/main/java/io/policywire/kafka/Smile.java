package io.policywire.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;

/**
 * The mapper of the pipeline's internal data (repartition topics, state stores and their
 * changelogs; see {@link AppSerdes}): Smile, Jackson's binary JSON, with {@link Json}'s settings.
 * The same records and field names as JSON, read and written with less CPU: numbers are binary,
 * byte arrays raw (not base64), and a field name repeated within a record is a back-reference.
 * Never used for a topic that consumers read.
 */
public final class Smile {

  public static final ObjectMapper MAPPER = Json.configure(SmileMapper.builder()
      // the bytes go to Kafka and RocksDB, not to a text channel: no 7-bit encoding of binary
      .disable(SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT))
      .build();

  private Smile() {}
}
