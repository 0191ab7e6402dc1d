package io.policywire.cli;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AccessCheck;
import io.policywire.pipeline.PipelineRunner;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code policywire pipeline}: the Streams application and its HTTP server, until stopped. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run the Streams application and its HTTP server against a Kafka cluster.")
public final class PipelineCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineCommand.class);

  @Mixin ConfigOptions options;

  @Option(names = "--http-port", paramLabel = "PORT",
      description = "HTTP port of the dashboard, query API, health and metrics (default: "
          + "http.port, 8080; 0 picks one).")
  Integer httpPort;

  @Option(names = "--skip-access-check",
      description = "Start without first checking credentials and ACLs (for clusters whose "
          + "admin API the pipeline may not use).")
  boolean skipAccessCheck;

  @Override
  public Integer call() throws Exception {
    PolicywireConfig config = options.load();
    if (httpPort != null) {
      config = config.withHttpPort(httpPort);
    }
    if (!skipAccessCheck) {
      // a bad password or a missing ACL is one clear line now, not a dying thread later
      AccessCheck.verifyPipeline(config);
    }
    PipelineRunner runner = PipelineRunner.start(config, true);
    Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "policywire-shutdown"));
    System.err.printf("policywire pipeline %s on %s: application %s, dashboard, API, health and "
            + "metrics on http://%s:%d/ (queries from other instances: %s) (Ctrl-C stops)%n",
        config.processingGuarantee(), config.bootstrapServers(), config.applicationId(),
        config.httpHost(), runner.httpPort(), runner.hostInfo().host() + ":"
            + runner.hostInfo().port());
    boolean failed = runner.awaitStop();
    if (failed) {
      LOG.error("pipeline stopped on an error; see the log above");
    }
    return failed ? 1 : 0;
  }
}
