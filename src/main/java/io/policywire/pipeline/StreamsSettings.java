package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * The Kafka Streams properties of the pipeline. Bad records never stop it: both the
 * deserialization and the processing handler log and continue, and with the dead-letter topic
 * set, Kafka Streams writes the original key and value bytes there with {@code __streams.errors.*}
 * headers (KIP-1034). Producer batching is raised because 16 KB batches hold only three articles.
 * The user's {@code kafka.*} settings come last and win.
 */
public final class StreamsSettings {

  static final int MAX_RECORD_BYTES = 4 * 1024 * 1024 + 1024;

  private StreamsSettings() {}

  public static Properties properties(PolicywireConfig config) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numStreamThreads());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().dlq());
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class.getName());
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class.getName());
    // the default from Kafka 5.0; setting it now also silences a warning at every start
    p.put("processing.exception.handler.global.enabled", true);
    // no join waits on another input's time: the task reading the raw topic and the band answers
    // (dedupe-by-article) processes whatever has arrived instead of idling until both have data
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    // every RocksDB store of the instance shares one bounded block cache (state.memory.mb)
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedStateMemory.class);
    p.put(BoundedStateMemory.BYTES_CONFIG, String.valueOf((long) config.stateMemoryMb() << 20));
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 262_144);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_RECORD_BYTES);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
        MAX_RECORD_BYTES);
    // repartition topics carry whole article texts: let them take what the raw topic takes
    p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), MAX_RECORD_BYTES);
    p.putAll(config.kafka());
    return p;
  }
}
