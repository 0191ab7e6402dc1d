package io.policywire.testing;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.TopicApplier;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Gives each integration test its own topics and application id on the shared broker. */
public final class TestTopics {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestTopics() {}

  /** A prefix no other test in this JVM uses, such as {@code t3-}. */
  public static String uniquePrefix() {
    return "t" + COUNTER.incrementAndGet() + "-";
  }

  /**
   * A config on the shared broker with its own topic prefix, application id and state
   * directory, and every topic created (replication factor 1).
   */
  public static PolicywireConfig isolatedConfig(Path stateDir) {
    String prefix = uniquePrefix();
    PolicywireConfig config = ConfigLoader.defaults(Map.of())
        .withBootstrapServers(SharedBroker.bootstrapServers())
        .withApplicationId("policywire-" + prefix + "app", prefix)
        .withStateDir(stateDir)
        .withHttpPort(0);
    createTopics(config);
    return config;
  }

  public static void createTopics(PolicywireConfig config) {
    TopicApplier.applyForSingleBroker(config);
  }

  public static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedBroker.bootstrapServers()));
  }
}
