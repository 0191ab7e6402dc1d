package io.policywire.pipeline;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import io.policywire.kafka.AppSerdes;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Lets a record through to a compacted output topic only when its value differs from the last
 * one written under its key, so that re-enrichment ({@code reprocess}) and an article published
 * twice rewrite only what changed. Remembers a 64-bit hash of each key's last value, with the
 * time it was written; entries older than {@link #HORIZON} are forgotten (after that a record is
 * simply written again). Tombstones always pass. Counts what it wrote and what it held back as
 * Kafka Streams metrics ({@code stream-policywire-output-metrics}: {@code written-total},
 * {@code unchanged-total}), which {@code reprocess} reports.
 */
final class EmitOnChange {

  /** The retention of {@code news.articles.raw}: nothing older can be reprocessed. */
  static final Duration HORIZON = Duration.ofDays(14);
  static final String METRICS_SCOPE = "policywire-output";
  static final String WRITTEN = "written";
  static final String UNCHANGED = "unchanged";

  private static final Duration EXPIRY_SCAN = Duration.ofHours(6);
  private static final Hasher64 HASHER = Hashing.xxh3_64();

  private EmitOnChange() {}

  /**
   * The records of {@code stream} whose value changed, remembered in store {@code name}; the
   * filter itself is the processor {@code name}.
   */
  static <V> KStream<String, V> filter(StreamsBuilder builder, KStream<String, V> stream,
      String name, Serde<V> serde) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
        AppSerdes.KEY, Serdes.ByteArray()));
    return stream.processValues(() -> new Filter<>(name, serde), Named.as(name), name);
  }

  private static final class Filter<V> implements FixedKeyProcessor<String, V, V> {

    private final String storeName;
    private final Serde<V> serde;
    private FixedKeyProcessorContext<String, V> context;
    private KeyValueStore<String, byte[]> written;
    private Sensor writtenSensor;
    private Sensor unchangedSensor;

    Filter(String storeName, Serde<V> serde) {
      this.storeName = storeName;
      this.serde = serde;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
      this.context = context;
      this.written = context.getStateStore(storeName);
      String entity = storeName + "-" + context.taskId();
      this.writtenSensor = context.metrics().addRateTotalSensor(METRICS_SCOPE, entity, WRITTEN,
          Sensor.RecordingLevel.INFO);
      this.unchangedSensor = context.metrics().addRateTotalSensor(METRICS_SCOPE, entity,
          UNCHANGED, Sensor.RecordingLevel.INFO);
      context.schedule(EXPIRY_SCAN, PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
      if (record.value() == null) {
        written.delete(record.key());
        writtenSensor.record();
        context.forward(record);
        return;
      }
      long hash = HASHER.hashBytesToLong(serde.serializer().serialize(null, record.value()));
      byte[] last = written.get(record.key());
      if (last != null && hashOf(last) == hash) {
        unchangedSensor.record();
        return;
      }
      written.put(record.key(), entry(hash, record.timestamp()));
      writtenSensor.record();
      context.forward(record);
    }

    private void expire(long streamTime) {
      long cutoff = streamTime - HORIZON.toMillis();
      StoreScan.keysWhere(written, e -> timeOf(e) < cutoff).forEach(written::delete);
    }
  }

  static byte[] entry(long hash, long time) {
    return java.nio.ByteBuffer.allocate(16).putLong(hash).putLong(time).array();
  }

  static long hashOf(byte[] entry) {
    return java.nio.ByteBuffer.wrap(entry).getLong(0);
  }

  static long timeOf(byte[] entry) {
    return java.nio.ByteBuffer.wrap(entry).getLong(8);
  }
}
