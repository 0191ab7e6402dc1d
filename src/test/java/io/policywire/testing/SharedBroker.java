package io.policywire.testing;

import io.policywire.kafka.EmbeddedKafkaBroker;

/**
 * One embedded Kafka broker for the whole test JVM, so integration tests pay the start-up cost
 * (a few seconds) once. It starts on first use, on a free port of 127.0.0.1, in a temporary
 * directory, and stops when the JVM exits. Tests share the broker but never topics or
 * application ids: see {@link TestTopics}.
 */
public final class SharedBroker {

  private SharedBroker() {}

  /** {@code 127.0.0.1:PORT} of the shared broker, starting it if needed. */
  public static String bootstrapServers() {
    return Holder.BROKER.bootstrapServers();
  }

  public static EmbeddedKafkaBroker broker() {
    return Holder.BROKER;
  }

  /** Lazy, thread-safe start through class initialisation. */
  private static final class Holder {
    static final EmbeddedKafkaBroker BROKER = start();

    private static EmbeddedKafkaBroker start() {
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null);
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-broker-stop"));
      return broker;
    }
  }
}
