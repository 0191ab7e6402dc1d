package io.policywire.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AccessCheck;
import io.policywire.kafka.AccessCheck.AccessDeniedException;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.ArticleTracker;
import io.policywire.kafka.BrokerSecurity;
import io.policywire.kafka.EmbeddedKafkaBroker;
import io.policywire.kafka.PipelineAcls;
import io.policywire.kafka.TopicApplier;
import io.policywire.model.RawArticle;
import io.policywire.pipeline.PipelineRunner;
import io.policywire.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a broker that authenticates with SCRAM and authorizes with ACLs (nothing is
 * allowed without one): it runs with exactly the prefixed ACLs {@link PipelineAcls} grants, and
 * a bad password or a missing ACL stops it at start-up with a message that says which.
 */
class SecurityIT {

  private static final String ADMIN_PASSWORD = "admin-secret-4f1c";
  private static final String PIPELINE_PASSWORD = "pipeline-secret-9d27";
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static EmbeddedKafkaBroker broker;
  private static PolicywireConfig adminConfig;

  @TempDir static Path dir;

  @BeforeAll
  static void startSecuredBroker() throws Exception {
    broker = EmbeddedKafkaBroker.start(0, null, BrokerSecurity.scram("admin", ADMIN_PASSWORD));
    adminConfig = ConfigLoader.defaults(Map.of())
        .withBootstrapServers(broker.bootstrapServers())
        .withApplicationId("secured-app", "sec-")
        .withStateDir(dir.resolve("state"))
        .withKafka(broker.adminClientProperties());
    TopicApplier.applyForSingleBroker(adminConfig);
    try (Admin admin = TopicApplier.admin(adminConfig)) {
      admin.alterUserScramCredentials(List.of(
          user("pipeline", PIPELINE_PASSWORD), user("writer", "writer-pw"),
          user("partial", "partial-pw"))).all().get(30, TimeUnit.SECONDS);
      List<AclBinding> acls = new ArrayList<>(
          PipelineAcls.forPipeline(adminConfig, "User:pipeline"));
      acls.addAll(PipelineAcls.forProducer(adminConfig, "User:writer"));
      // "partial" has everything but its consumer group and transactional ids
      PipelineAcls.forPipeline(adminConfig, "User:partial").stream()
          .filter(a -> a.pattern().resourceType() == ResourceType.TOPIC)
          .forEach(acls::add);
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    }
    // credentials reach the broker through the metadata log, a moment after the call returns
    for (String[] user : new String[][] {{"pipeline", PIPELINE_PASSWORD}, {"writer", "writer-pw"},
        {"partial", "partial-pw"}}) {
      Await.until(TIMEOUT, () -> canLogIn(user[0], user[1]), user[0] + " can log in");
    }
  }

  private static boolean canLogIn(String user, String password) {
    try (Admin admin = TopicApplier.admin(as(user, password))) {
      admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception notYet) {
      return false;
    }
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private static UserScramCredentialUpsertion user(String name, String password) {
    return new UserScramCredentialUpsertion(name,
        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password);
  }

  private static PolicywireConfig as(String user, String password) {
    return ConfigLoader.defaults(Map.of())
        .withBootstrapServers(broker.bootstrapServers())
        .withApplicationId(adminConfig.applicationId(), adminConfig.topicPrefix())
        .withStateDir(dir.resolve("state-" + user))
        .withKafka(BrokerSecurity.clientProperties(user, password));
  }

  @Test
  void shouldEnrichWithOnlyThePrefixedAclsItIsGranted() throws Exception {
    PolicywireConfig pipeline = as("pipeline", PIPELINE_PASSWORD);
    AccessCheck.verifyPipeline(pipeline);
    try (PipelineRunner runner = PipelineRunner.start(pipeline, false)) {
      publishAsWriter(new RawArticle("sec-1", null, "Wire", "Regulator opens review",
          "The regulator opened a review of the merger on Monday, officials said.", null,
          "2025-03-01", null));
      ArticleTracker.Outcome outcome = new ArticleTracker(broker.bootstrapServers(),
          broker.adminClientProperties())
          .await(Set.of("sec-1"), pipeline.topics().enriched(), pipeline.topics().dlq(), TIMEOUT);
      assertThat(outcome.enriched()).containsExactly("sec-1");
      assertThat(runner.streams().state().isRunningOrRebalancing()).isTrue();
    }
  }

  @Test
  void shouldRefuseABadPasswordWithAClearMessage() {
    assertThatThrownBy(() -> AccessCheck.verifyPipeline(as("pipeline", "wrong-password")))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("cannot authenticate to " + broker.bootstrapServers())
        .hasMessageNotContaining("wrong-password");
  }

  @Test
  void shouldNameEachMissingPermission() {
    assertThatThrownBy(() -> AccessCheck.verifyPipeline(as("partial", "partial-pw")))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("READ on consumer group " + adminConfig.applicationId())
        .hasMessageContaining("transactional ids with the prefix " + adminConfig.applicationId())
        .hasMessageNotContaining("on topic ");
  }

  @Test
  void shouldNotLetTheProducerReadOrTheWriterRunThePipeline() {
    assertThatThrownBy(() -> AccessCheck.verifyPipeline(as("writer", "writer-pw")))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("READ on topic " + adminConfig.topics().raw());
  }

  @Test
  void shouldStopThePipelineCommandOnABadPasswordWithoutLoggingAnySecret() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of(
        "POLICYWIRE_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "POLICYWIRE_TOPIC_PREFIX", adminConfig.topicPrefix(),
        "POLICYWIRE_APPLICATION_ID", adminConfig.applicationId(),
        "POLICYWIRE_STATE_DIR", dir.resolve("state-cli").toString(),
        "POLICYWIRE_HTTP_PORT", "0"));
    BrokerSecurity.clientProperties("pipeline", "not-the-password-77")
        .forEach((k, v) -> env.put("KAFKA_" + k.toUpperCase().replace('.', '_'), v));
    Path log = dir.resolve("pipeline-cli.log");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-jar", Path.of("target", "policywire.jar").toString(), "pipeline"))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("cannot authenticate to " + broker.bootstrapServers())
        .doesNotContain("not-the-password-77");
  }

  private static void publishAsWriter(RawArticle article) throws Exception {
    Properties p = new Properties();
    p.putAll(BrokerSecurity.clientProperties("writer", "writer-pw"));
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(p,
        new StringSerializer(), AppSerdes.RAW_ARTICLE.serializer())) {
      producer.send(new ProducerRecord<>(adminConfig.topics().raw(), article.id(), article))
          .get(30, TimeUnit.SECONDS);
    }
  }
}
