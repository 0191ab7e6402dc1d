package io.policywire.serve;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Everything {@code /metrics} exports: JVM and process metrics, Kafka Streams' own metrics
 * (through Micrometer's {@link KafkaStreamsMetrics}), and our {@link StageMetrics}.
 */
public final class PipelineMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final StageMetrics stages;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private KafkaStreamsMetrics streamsMetrics;

  public PipelineMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    stages = new StageMetrics(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public StageMetrics stages() {
    return stages;
  }

  /**
   * Binds a Streams client's metrics, and counts dead letters as Kafka Streams does: every record
   * an exception handler skips (and, with {@code errors.dead.letter.queue.topic.name}, sends to
   * the dead-letter topic) adds to the task metric {@code dropped-records-total}.
   */
  public void bind(KafkaStreams streams) {
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    FunctionCounter.builder(StageMetrics.DEAD_LETTERED, streams, PipelineMetrics::droppedRecords)
        .description("records the exception handlers skipped and sent to news.articles.dlq")
        .register(registry);
  }

  static double droppedRecords(KafkaStreams streams) {
    double total = 0;
    for (Metric m : streams.metrics().values()) {
      if (m.metricName().name().equals("dropped-records-total")
          && m.metricName().group().equals("stream-task-metrics")
          && m.metricValue() instanceof Number n) {
        total += n.doubleValue();
      }
    }
    return total;
  }

  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    if (streamsMetrics != null) {
      streamsMetrics.close();
    }
    gc.close();
    registry.close();
  }
}
