package io.policywire.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.policywire.config.PolicywireConfig;
import io.policywire.serve.Health;
import io.policywire.serve.HttpApi;
import io.policywire.serve.LiveFeed;
import io.policywire.serve.LocalStores;
import io.policywire.serve.PipelineMetrics;
import io.policywire.serve.QueryRouter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pipeline: the Streams application built by {@link PipelineTopology}, its metrics
 * and its HTTP server. Used by the {@code pipeline} and {@code demo} commands and by integration
 * tests, so all three run the same thing.
 *
 * <p>The HTTP server starts first, so that the port it bound (possibly a free one) is what this
 * instance advertises to the others as {@code application.server}: the address they forward
 * queries to. {@code kafka.application.server} ({@code KAFKA_APPLICATION_SERVER}) overrides it,
 * for a container or pod whose name others resolve; otherwise it is {@code http.host:port}, or
 * this machine's host name when {@code http.host} listens on every interface.
 */
public final class PipelineRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final PipelineMetrics metrics;
  private final HttpApi http;
  private final LiveFeed feed;
  private final HostInfo self;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private PipelineRunner(PolicywireConfig config, boolean serveHttp) {
    metrics = new PipelineMetrics();
    http = serveHttp
        ? HttpApi.start(config.httpHost(), config.httpPort(), metrics.registry())
        : null;
    Properties props = StreamsSettings.properties(config);
    if (http != null) {
      String server = props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
      if (server == null || server.isBlank()) {
        server = advertisedHost(config.httpHost()) + ":" + http.port();
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server);
      }
      self = HostInfo.buildFromEndpoint(server);
    } else {
      self = null;
    }
    streams = new KafkaStreams(PipelineTopology.build(config, metrics.stages()), props);
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
    metrics.bind(streams);
    if (http != null) {
      feed = new LiveFeed(config);
      Gauge.builder("policywire.live.clients", feed, LiveFeed::subscribers)
          .description("browsers and other clients following /api/live")
          .register(metrics.registry());
      http.attach(Health.of(streams, feed::assigned), new HttpApi.Backend(
          new QueryRouter(streams, self), new LocalStores(streams), feed));
    } else {
      feed = null;
    }
  }

  /** Starts the Streams application (and the HTTP server unless serveHttp is false). */
  public static PipelineRunner start(PolicywireConfig config, boolean serveHttp) {
    PipelineRunner runner = new PipelineRunner(config, serveHttp);
    runner.streams.start();
    if (runner.feed != null) {
      runner.feed.start();
    }
    return runner;
  }

  private static String advertisedHost(String httpHost) {
    if (!httpHost.equals("0.0.0.0") && !httpHost.equals("::") && !httpHost.equals("[::]")) {
      return httpHost;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("http.host listens on every interface and this machine's "
          + "name is unknown; set kafka.application.server (KAFKA_APPLICATION_SERVER) to the "
          + "host:port other instances reach this one at", e);
    }
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** This instance's {@code application.server}, or null when not serving HTTP. */
  public HostInfo hostInfo() {
    return self;
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
    if (feed != null) {
      feed.close();
    }
    // leave the group: the others take over at once instead of after the session timeout, and
    // reprocess can move the group's offsets right after a clean stop
    streams.close(CloseOptions.groupMembershipOperation(
        CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT));
    if (http != null) {
      http.close();
    }
    metrics.close();
  }
}
