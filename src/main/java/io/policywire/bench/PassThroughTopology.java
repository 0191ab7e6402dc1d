package io.policywire.bench;

import io.policywire.config.PolicywireConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The ceiling the pipeline is measured against: raw to enriched topic with an identity mapping,
 * on the same broker, topics, guarantee and client settings, so the ratio isolates our own work.
 */
final class PassThroughTopology {

  private PassThroughTopology() {}

  static Topology build(PolicywireConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(config.topics().raw(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("bench-raw-source"))
        .mapValues(value -> value, Named.as("pass-through"))
        .to(config.topics().enriched(),
            Produced.with(Serdes.String(), Serdes.ByteArray()).withName("bench-enriched-sink"));
    return builder.build();
  }
}
