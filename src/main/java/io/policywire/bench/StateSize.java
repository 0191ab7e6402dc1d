package io.policywire.bench;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The number of keys the pipeline holds in its de-duplication stores, read from Kafka Streams'
 * own RocksDB metric {@code estimate-num-keys} (recorded at the default INFO level), so the
 * bench can show that the state levels off under the retention window.
 */
final class StateSize {

  static final String STORE_MARKER = "dedupe";

  private StateSize() {}

  /** Sum of the estimated keys of every store whose name contains {@value #STORE_MARKER}. */
  static long dedupeKeys(KafkaStreams streams) {
    long keys = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
      MetricName name = e.getKey();
      if (name.name().equals("estimate-num-keys") && storeName(name).contains(STORE_MARKER)
          && e.getValue().metricValue() instanceof Number n) {
        keys += n.longValue();
      }
    }
    return keys;
  }

  private static String storeName(MetricName name) {
    for (Map.Entry<String, String> tag : name.tags().entrySet()) {
      if (tag.getKey().endsWith("-id") && !tag.getKey().equals("thread-id")
          && !tag.getKey().equals("task-id")) {
        return tag.getValue();
      }
    }
    return "";
  }
}
