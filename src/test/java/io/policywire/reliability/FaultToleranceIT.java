package io.policywire.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.EmbeddedKafkaBroker;
import io.policywire.kafka.TopicApplier;
import io.policywire.testing.Await;
import io.policywire.testing.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into real processes on a real broker while articles flow, each checked by
 * {@link ExactlyOnceVerifier} on what was committed: every article enriched exactly once, none in
 * two stories, no transaction left open. Each run's counts go to the reliability report.
 */
class FaultToleranceIT {

  private static final int ARTICLES = 300;
  private static final int PER_SECOND = 60;
  private static final Duration TIMEOUT = Duration.ofSeconds(150);

  @TempDir Path dir;

  @Test
  void killNineMidStreamThenRestart() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("unused"));
    ExactlyOnceVerifier verifier = new ExactlyOnceVerifier(config);
    try (SteadyPublisher publisher = new SteadyPublisher(config, 11, ARTICLES, PER_SECOND)) {
      PipelineProcess first = start(config, "a");
      awaitEnriched(verifier, 40);
      first.kill();
      try (PipelineProcess second = start(config, "a")) {
        publisher.awaitDone(120);
        awaitCaughtUp(verifier);
      }
    }
    check("kill -9 of the only instance mid-stream, restarted on its state", verifier);
  }

  @Test
  void instanceJoinsAndAnotherLeavesWithAStandbyReplica() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("unused"));
    ExactlyOnceVerifier verifier = new ExactlyOnceVerifier(config);
    Map<String, String> standby = Map.of("KAFKA_NUM_STANDBY_REPLICAS", "1");
    try (SteadyPublisher publisher = new SteadyPublisher(config, 12, ARTICLES, PER_SECOND)) {
      PipelineProcess first = PipelineProcess.start(config, dir.resolve("state-a"),
          dir.resolve("a.log"), standby);
      awaitEnriched(verifier, 30);
      try (PipelineProcess second = PipelineProcess.start(config, dir.resolve("state-b"),
          dir.resolve("b.log"), standby)) {
        Await.until(TIMEOUT, second::ready, "the joining instance to be ready");
        awaitEnriched(verifier, 150);
        assertThat(first.stop()).as("the leaving instance stops cleanly").isTrue();
        publisher.awaitDone(120);
        awaitCaughtUp(verifier);
      }
    }
    check("one instance joins, the other leaves, one standby replica", verifier);
  }

  @Test
  void stateDirectoryWipedAndRestoredFromChangelogs() throws Exception {
    PolicywireConfig config = TestTopics.isolatedConfig(dir.resolve("unused"));
    ExactlyOnceVerifier verifier = new ExactlyOnceVerifier(config);
    try (SteadyPublisher publisher = new SteadyPublisher(config, 13, ARTICLES, PER_SECOND)) {
      PipelineProcess first = start(config, "a");
      awaitEnriched(verifier, 80);
      assertThat(first.stop()).as("stops cleanly").isTrue();
      Utils.delete(dir.resolve("state-a").toFile());
      try (PipelineProcess second = start(config, "a")) {
        publisher.awaitDone(120);
        awaitCaughtUp(verifier);
      }
    }
    check("state directory wiped between runs, restored from changelogs", verifier);
  }

  @Test
  void brokerStoppedAndRestartedUnderLoad() throws Exception {
    Path brokerDir = dir.resolve("broker");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, brokerDir);
    int port = broker.port();
    PolicywireConfig config = ConfigLoader.defaults(Map.of())
        .withBootstrapServers(broker.bootstrapServers())
        .withApplicationId("fault-broker-app", "fb-")
        .withStateDir(dir.resolve("unused"));
    TopicApplier.applyForSingleBroker(config);
    ExactlyOnceVerifier verifier = new ExactlyOnceVerifier(config);
    try (SteadyPublisher publisher = new SteadyPublisher(config, 14, ARTICLES, PER_SECOND);
        PipelineProcess pipeline = start(config, "a")) {
      awaitEnriched(verifier, 60);
      broker.close();
      TimeUnit.SECONDS.sleep(3);
      broker = EmbeddedKafkaBroker.start(port, brokerDir);
      publisher.awaitDone(150);
      awaitCaughtUp(verifier);
      check("broker stopped for 3 s and restarted while publishing and processing", verifier);
    } finally {
      broker.close();
    }
  }

  private PipelineProcess start(PolicywireConfig config, String instance) throws Exception {
    PipelineProcess p = PipelineProcess.start(config, dir.resolve("state-" + instance),
        dir.resolve(instance + ".log"), Map.of());
    Await.until(TIMEOUT, p::ready, "pipeline " + instance + " to be ready");
    return p;
  }

  private static void awaitEnriched(ExactlyOnceVerifier verifier, int atLeast) throws Exception {
    Await.until(TIMEOUT, () -> verifier.verify().enriched() >= atLeast,
        atLeast + " articles enriched");
  }

  private static void awaitCaughtUp(ExactlyOnceVerifier verifier) throws Exception {
    Await.until(TIMEOUT, () -> verifier.behind() == 0, "every raw article enriched");
    // a transaction of a killed instance is aborted when its id is fenced or times out
    Await.until(TIMEOUT, () -> verifier.openTransactions().isEmpty(), "no open transaction");
  }

  private static void check(String fault, ExactlyOnceVerifier verifier) throws Exception {
    ExactlyOnceVerifier.Verdict verdict = verifier.verify();
    ReliabilityReport.fault(fault, verdict);
    assertThat(verdict.inputs()).isEqualTo(ARTICLES);
    assertThat(verdict.missing()).as("missing").isEmpty();
    assertThat(verdict.duplicated()).as("duplicated").isEmpty();
    assertThat(verdict.inTwoStories()).as("in two stories").isEmpty();
    assertThat(verdict.openTransactions()).as("open transactions").isEmpty();
  }
}
