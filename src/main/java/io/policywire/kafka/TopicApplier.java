package io.policywire.kafka;

import io.policywire.kafka.TopicChange.Kind;
import io.policywire.kafka.TopicChange.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import io.policywire.config.PolicywireConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes a cluster match topic definitions, idempotently: creates missing topics, sets declared
 * configs that differ, adds partitions. What would lose data or cannot be undone (fewer
 * partitions, another replication factor, a new cleanup.policy, shorter retention) is reported
 * and never done silently: config changes of that kind only with {@code allowDestructive};
 * partition and replication changes never. Configs on a topic that its definition does not
 * declare are reported and left alone. Topics without a definition are ignored.
 */
public final class TopicApplier {

  private static final long TIMEOUT_SECONDS = 30;
  private static final Set<String> RETENTION_KEYS = Set.of("retention.ms", "retention.bytes");

  private final Admin admin;

  public TopicApplier(Admin admin) {
    this.admin = admin;
  }

  /** An admin client for the config's cluster, with its security settings, failing fast. */
  public static Admin admin(PolicywireConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafka());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_SECONDS * 1000);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    return Admin.create(props);
  }

  /** The contract's topics with replication factor 1, as the embedded broker needs them. */
  public static List<TopicChange> applyForSingleBroker(PolicywireConfig config) {
    List<TopicSpec> specs = TopicSpecs.fromClasspath(config.topics()).stream()
        .map(s -> s.withReplicationFactor(1)).toList();
    try (Admin admin = admin(config)) {
      return new TopicApplier(admin).apply(specs, false, false);
    }
  }

  /**
   * Plans and, unless dryRun, applies; returns every difference found and what became of it.
   * Returns once the cluster's metadata shows the changes, so a pipeline started next finds its
   * topics as defined.
   */
  public List<TopicChange> apply(Collection<TopicSpec> specs, boolean dryRun,
      boolean allowDestructive) {
    checkReplication(specs);
    List<TopicChange> changes = run(specs, dryRun, allowDestructive);
    if (changes.stream().anyMatch(c -> c.outcome() == Outcome.APPLIED)) {
      awaitConverged(specs, allowDestructive);
    }
    return changes;
  }

  /**
   * Metadata reaches the broker we ask a moment after the controller commits it, and a new
   * partition takes a moment more to get its leader; a producer writing before then can see its
   * first batch rejected and retried out of order.
   */
  private void awaitConverged(Collection<TopicSpec> specs, boolean allowDestructive) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (run(specs, true, allowDestructive).stream()
        .anyMatch(c -> c.outcome() == Outcome.PLANNED) || !allLeadersElected(specs)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topic changes were accepted but did not become visible "
            + "within " + TIMEOUT_SECONDS + " s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for topic metadata", e);
      }
    }
  }

  private boolean allLeadersElected(Collection<TopicSpec> specs) {
    try {
      return admin.describeTopics(specs.stream().map(TopicSpec::name).toList()).allTopicNames()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
          .flatMap(d -> d.partitions().stream())
          .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for partition leaders", e);
    }
  }

  private List<TopicChange> run(Collection<TopicSpec> specs, boolean dryRun,
      boolean allowDestructive) {
    try {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<TopicChange> changes = new ArrayList<>();
      List<TopicSpec> missing = specs.stream().filter(s -> !existing.contains(s.name())).toList();
      List<TopicSpec> present = specs.stream().filter(s -> existing.contains(s.name())).toList();
      changes.addAll(create(missing, dryRun));
      changes.addAll(alignPartitions(present, dryRun));
      changes.addAll(alignConfigs(present, dryRun, allowDestructive));
      return changes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while applying topics", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException("cannot apply topics: " + cause.getMessage(), cause);
    }
  }

  private void checkReplication(Collection<TopicSpec> specs) {
    int brokers;
    try {
      brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reaching the cluster", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot reach the Kafka cluster within " + TIMEOUT_SECONDS
          + " s: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
    List<String> tooHigh = specs.stream().filter(s -> s.replicationFactor() > brokers)
        .map(s -> s.name() + " (rf " + s.replicationFactor() + ")").toList();
    if (!tooHigh.isEmpty()) {
      throw new IllegalStateException("the cluster has " + brokers + " broker(s), fewer than the "
          + "replication factor of " + String.join(", ", tooHigh)
          + "; pass --replication-factor " + brokers + " for a small cluster");
    }
  }

  private List<TopicChange> create(List<TopicSpec> missing, boolean dryRun)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<TopicChange> changes = missing.stream().map(s -> new TopicChange(s.name(), Kind.CREATE,
        s.partitions() + " partitions, rf " + s.replicationFactor() + ", " + s.config(),
        dryRun ? Outcome.PLANNED : Outcome.APPLIED)).toList();
    if (!dryRun && !missing.isEmpty()) {
      List<NewTopic> topics = missing.stream().map(s ->
          new NewTopic(s.name(), s.partitions(), (short) s.replicationFactor()).configs(s.config()))
          .toList();
      for (var created : admin.createTopics(topics).values().values()) {
        try {
          created.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          // another instance applying the same definitions at the same moment is no error
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
    return changes;
  }

  private List<TopicChange> alignPartitions(List<TopicSpec> present, boolean dryRun)
      throws ExecutionException, InterruptedException, TimeoutException {
    if (present.isEmpty()) {
      return List.of();
    }
    Map<String, TopicDescription> described = admin.describeTopics(
        present.stream().map(TopicSpec::name).toList()).allTopicNames()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<TopicChange> changes = new ArrayList<>();
    Map<String, NewPartitions> increases = new HashMap<>();
    for (TopicSpec spec : present) {
      TopicDescription d = described.get(spec.name());
      int actual = d.partitions().size();
      int rf = d.partitions().get(0).replicas().size();
      if (spec.partitions() > actual) {
        increases.put(spec.name(), NewPartitions.increaseTo(spec.partitions()));
        changes.add(new TopicChange(spec.name(), Kind.ADD_PARTITIONS,
            actual + " -> " + spec.partitions() + " (keys move to new partitions)",
            dryRun ? Outcome.PLANNED : Outcome.APPLIED));
      } else if (spec.partitions() < actual) {
        changes.add(new TopicChange(spec.name(), Kind.REDUCE_PARTITIONS, "has " + actual
            + ", definition says " + spec.partitions() + "; Kafka cannot remove partitions",
            Outcome.REPORTED));
      }
      if (spec.replicationFactor() != rf) {
        changes.add(new TopicChange(spec.name(), Kind.REPLICATION_FACTOR, "has " + rf
            + ", definition says " + spec.replicationFactor()
            + "; reassign partitions with kafka-reassign-partitions", Outcome.REPORTED));
      }
    }
    if (!dryRun && !increases.isEmpty()) {
      admin.createPartitions(increases).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    return changes;
  }

  private List<TopicChange> alignConfigs(List<TopicSpec> present, boolean dryRun,
      boolean allowDestructive) throws ExecutionException, InterruptedException, TimeoutException {
    if (present.isEmpty()) {
      return List.of();
    }
    Map<ConfigResource, Config> current = admin.describeConfigs(present.stream()
        .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList())
        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<TopicChange> changes = new ArrayList<>();
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
    for (TopicSpec spec : present) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
      Config config = current.get(resource);
      for (Map.Entry<String, String> wanted : spec.config().entrySet()) {
        ConfigEntry entry = config.get(wanted.getKey());
        String actual = entry == null ? null : entry.value();
        if (Objects.equals(actual, wanted.getValue())) {
          continue;
        }
        boolean destructive = isDestructive(wanted.getKey(), actual, wanted.getValue());
        Outcome outcome = destructive && !allowDestructive ? Outcome.SKIPPED_DESTRUCTIVE
            : dryRun ? Outcome.PLANNED : Outcome.APPLIED;
        changes.add(new TopicChange(spec.name(), Kind.ALTER_CONFIG,
            wanted.getKey() + " " + actual + " -> " + wanted.getValue(), outcome));
        if (outcome == Outcome.APPLIED) {
          ops.computeIfAbsent(resource, r -> new ArrayList<>()).add(new AlterConfigOp(
              new ConfigEntry(wanted.getKey(), wanted.getValue()), AlterConfigOp.OpType.SET));
        }
      }
      changes.addAll(undeclared(spec, config));
    }
    if (!ops.isEmpty()) {
      admin.incrementalAlterConfigs(ops).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    return changes;
  }

  private static List<TopicChange> undeclared(TopicSpec spec, Config config) {
    return config.entries().stream()
        .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
        .filter(e -> !spec.config().containsKey(e.name()))
        .map(e -> new TopicChange(spec.name(), Kind.UNDECLARED_CONFIG, e.name() + "=" + e.value()
            + " is set on the topic but not in its definition; left as is", Outcome.REPORTED))
        .collect(Collectors.toList());
  }

  /** A change that deletes data or changes how it is kept cannot be taken back. */
  static boolean isDestructive(String key, String actual, String wanted) {
    if (key.equals(TopicSpec.CLEANUP_POLICY)) {
      return actual != null;
    }
    if (RETENTION_KEYS.contains(key) && actual != null) {
      return asLimit(wanted) < asLimit(actual);
    }
    return false;
  }

  /** Retention as a number where -1 (unlimited) is the largest. */
  private static long asLimit(String value) {
    long n = Long.parseLong(value.trim());
    return n < 0 ? Long.MAX_VALUE : n;
  }
}
