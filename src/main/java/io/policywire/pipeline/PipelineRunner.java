package io.policywire.pipeline;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.policywire.config.PolicywireConfig;
import io.policywire.serve.Health;
import io.policywire.serve.HttpApi;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pipeline: the Streams application built by {@link PipelineTopology}, its metrics
 * and its HTTP server. Used by the {@code pipeline} and {@code demo} commands and by integration
 * tests, so all three run the same thing.
 */
public final class PipelineRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final PrometheusMeterRegistry registry;
  private final KafkaStreamsMetrics streamsMetrics;
  private final HttpApi http;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private PipelineRunner(PolicywireConfig config, boolean serveHttp) {
    streams = new KafkaStreams(PipelineTopology.build(config), StreamsSettings.properties(config));
    // Errors that reach here are not bad records (those go to the dead-letter topic) but broken
    // infrastructure; stop the client so /health/live fails and the orchestrator restarts us.
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("stream thread failed; shutting the pipeline down", e);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.setStateListener((now, before) -> {
      LOG.info("pipeline state {} -> {}", before, now);
      if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
        stopped.countDown();
      }
    });
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    http = serveHttp
        ? HttpApi.start(config.httpHost(), config.httpPort(), Health.of(streams), registry)
        : null;
  }

  /** Starts the Streams application (and the HTTP server unless serveHttp is false). */
  public static PipelineRunner start(PolicywireConfig config, boolean serveHttp) {
    PipelineRunner runner = new PipelineRunner(config, serveHttp);
    runner.streams.start();
    return runner;
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** The HTTP port actually bound, or -1 when not serving. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** Blocks until Streams stops; true when it stopped because of an error. */
  public boolean awaitStop() throws InterruptedException {
    stopped.await();
    return streams.state() == KafkaStreams.State.ERROR;
  }

  /** Waits until every task is assigned and restored, so records are being processed. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || stopped.await(50, TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    // leave the group: the others take over at once instead of after the session timeout, and
    // reprocess can move the group's offsets right after a clean stop
    streams.close(CloseOptions.groupMembershipOperation(
        CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT));
    streamsMetrics.close();
    if (http != null) {
      http.close();
    }
    registry.close();
  }
}
