package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every RocksDB store of an instance draws on one cache of {@code state.memory.mb}: two stores
 * opened through {@link StreamsSettings} report that one capacity, not Kafka Streams' default
 * 50 MB each.
 */
class BoundedStateMemoryTest {

  @TempDir Path stateDir;

  @Test
  void shouldGiveEveryStoreTheOneSharedBoundedCache() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.table("a", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("store-a"));
    builder.table("b", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("store-b"));
    Properties props = StreamsSettings.properties(
        ConfigLoader.defaults(Map.of()).withStateDir(stateDir));

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      for (String topic : new String[] {"a", "b"}) {
        TestInputTopic<String, String> in =
            driver.createInputTopic(topic, new StringSerializer(), new StringSerializer());
        in.pipeInput("k", "v");
      }

      assertThat(driver.getKeyValueStore("store-a").get("k")).isEqualTo("v");
      long bound = BoundedStateMemory.boundBytes();
      // one JVM keeps the first bound it was given; the suite's pipelines all use the default
      assertThat(bound).isEqualTo(256L << 20);
      assertThat(capacity(driver, "store-a")).isEqualTo(bound);
      assertThat(capacity(driver, "store-b")).isEqualTo(bound);
    }
  }

  private static long capacity(TopologyTestDriver driver, String store) {
    for (Map.Entry<MetricName, ? extends Metric> e : driver.metrics().entrySet()) {
      MetricName name = e.getKey();
      if (name.name().equals("block-cache-capacity")
          && store.equals(name.tags().get("rocksdb-state-id"))) {
        return ((Number) e.getValue().metricValue()).longValue();
      }
    }
    throw new AssertionError("no block-cache-capacity metric for " + store + " in "
        + driver.metrics().keySet().stream().map(MetricName::name).distinct().toList());
  }
}
