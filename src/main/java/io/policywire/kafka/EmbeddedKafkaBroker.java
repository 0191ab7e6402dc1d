package io.policywire.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one), run in this JVM from
 * the {@code kafka_2.13} artifact: what {@code broker}, {@code demo} and the integration tests
 * run against. It listens on 127.0.0.1 only. Its settings let exactly-once work on one node
 * (transaction and offsets topics with replication factor 1) and forbid auto-created topics, so a
 * missing topic is an error rather than a surprise.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String HOST = "127.0.0.1";

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final boolean deleteOnClose;
  private final int port;
  private final BrokerSecurity security;

  private EmbeddedKafkaBroker(KafkaRaftServer server, Path dataDir, boolean deleteOnClose,
      int port, BrokerSecurity security) {
    this.server = server;
    this.dataDir = dataDir;
    this.deleteOnClose = deleteOnClose;
    this.port = port;
    this.security = security;
  }

  /**
   * Starts a broker and returns once it answers requests.
   *
   * @param port the client port; 0 picks a free one
   * @param dataDir where to keep the log; null for a temporary directory deleted on close. A
   *     directory formatted by an earlier run is reused, so its topics survive a restart.
   */
  public static EmbeddedKafkaBroker start(int port, Path dataDir) {
    return start(port, dataDir, BrokerSecurity.NONE);
  }

  /**
   * Starts a broker whose client listener is secured as {@code security} says (see
   * {@link BrokerSecurity#scram}: SCRAM authentication and ACLs).
   */
  public static EmbeddedKafkaBroker start(int port, Path dataDir, BrokerSecurity security) {
    int clientPort = port == 0 ? freePort() : checkFree(port);
    boolean temporary = dataDir == null;
    try {
      Path dir = temporary ? Files.createTempDirectory("policywire-broker-") : dataDir;
      Files.createDirectories(dir);
      int controllerPort = previousControllerPort(dir.resolve("server.properties"));
      Path logDir = dir.resolve("kraft-logs");
      Properties props = serverProperties(clientPort, controllerPort, logDir);
      props.putAll(security.serverProperties(HOST + ":" + clientPort, HOST + ":" + controllerPort));
      Path propsFile = dir.resolve("server.properties");
      try (OutputStream out = Files.newOutputStream(propsFile)) {
        props.store(out, "policywire embedded broker");
      }
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(propsFile, security.formatArguments());
      }
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      EmbeddedKafkaBroker broker =
          new EmbeddedKafkaBroker(server, dir, temporary, clientPort, security);
      broker.awaitServing(Duration.ofSeconds(60));
      LOG.info("embedded Kafka broker on {} (data in {})", broker.bootstrapServers(), dir);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the broker's data directory", e);
    }
  }

  /**
   * The controller's address is recorded in the quorum state when the log directory is
   * formatted, so a kept directory must get the same controller port again.
   */
  private static int previousControllerPort(Path propsFile) throws IOException {
    if (!Files.exists(propsFile)) {
      return freePort();
    }
    Properties previous = new Properties();
    try (var in = Files.newInputStream(propsFile)) {
      previous.load(in);
    }
    String quorum = previous.getProperty("controller.quorum.bootstrap.servers", "");
    int port = Integer.parseInt(quorum.substring(quorum.lastIndexOf(':') + 1));
    return checkFree(port);
  }

  static Properties serverProperties(int clientPort, int controllerPort, Path logDir) {
    Properties p = new Properties();
    p.putAll(Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", "1"),
        Map.entry("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort),
        Map.entry("listeners",
            "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort),
        Map.entry("controller.listener.names", "CONTROLLER"),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("log.dirs", logDir.toString()),
        Map.entry("auto.create.topics.enable", "false"),
        Map.entry("num.partitions", "1"),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "6"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("transaction.state.log.num.partitions", "6"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        // the raw and dead-letter topics accept records up to 4 MiB (see topics/)
        Map.entry("message.max.bytes", String.valueOf(4 * 1024 * 1024 + 1024)),
        Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024))));
    return p;
  }

  private static void format(Path propsFile, List<String> extraArguments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Transactions v1: with v2 (KIP-890) the 4.3 broker rejects a transactional batch with a
    // non-zero sequence once DeleteRecords (Kafka Streams purging its repartition topics) has
    // emptied the producer's state, and the producer retries it until the transaction times out
    // (KAFKA-18202, KAFKA-19880): the pipeline stalled for minutes under load. v1 accepts it.
    List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(),
        "-c", propsFile.toString(), "--standalone", "--feature", "transaction.version=1"));
    args.addAll(extraArguments);
    int rc;
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      rc = StorageTool.execute(args.toArray(String[]::new), ps);
    }
    if (rc != 0) {
      throw new IllegalStateException("formatting the broker's log directory failed: "
          + out.toString(StandardCharsets.UTF_8).trim());
    }
  }

  private void awaitServing(Duration timeout) {
    Map<String, Object> props = new HashMap<>(adminClientProperties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      close();
      throw new IllegalStateException("embedded broker did not come up on " + bootstrapServers(), e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  private static int checkFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return port;
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " on " + HOST
          + " is in use (another broker?); pass --port to choose another, or 0 for any", e);
    }
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  /** The client settings a super user needs on this broker (none when it is not secured). */
  public Map<String, String> adminClientProperties() {
    return security.adminClientProperties();
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    if (deleteOnClose) {
      try {
        Utils.delete(dataDir.toFile());
      } catch (IOException e) {
        LOG.warn("could not delete {}: {}", dataDir, e.getMessage());
      }
    }
  }
}
