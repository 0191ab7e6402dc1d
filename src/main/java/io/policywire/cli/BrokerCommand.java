package io.policywire.cli;

import io.policywire.config.ConfigLoader;
import io.policywire.kafka.EmbeddedKafkaBroker;
import io.policywire.kafka.TopicApplier;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code policywire broker}: the embedded single-node KRaft broker alone, for development. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Run a single-node Kafka broker (KRaft) in this process, on 127.0.0.1.")
public final class BrokerCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "9092", paramLabel = "PORT",
      description = "Client port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Keep the broker's data here across runs (default: a temporary directory, "
          + "deleted on exit).")
  Path dataDir;

  @Option(names = "--apply-topics",
      description = "Create the topics of topics/ (replication factor 1) once started.")
  boolean applyTopics;

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dataDir);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      broker.close();
      stopped.countDown();
    }, "policywire-broker-stop"));
    if (applyTopics) {
      TopicApplier.applyForSingleBroker(
          ConfigLoader.defaults(Map.of()).withBootstrapServers(broker.bootstrapServers()));
    }
    System.err.printf("Kafka broker on %s (data in %s%s). Ctrl-C stops it.%n",
        broker.bootstrapServers(), broker.dataDir(), dataDir == null ? ", deleted on exit" : "");
    stopped.await();
    return 0;
  }
}
