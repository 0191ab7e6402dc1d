package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * Re-enrichment of stored raw articles after an upgrade of the code or the knowledge base: the
 * application's committed offsets on {@code news.articles.raw} are moved back to the first record
 * at or after a time, then the pipeline itself runs until it has re-read everything up to where
 * the raw topic ended when reprocessing began. Outputs keep their keys, so the compacted topics
 * are updated in place, and {@link EmitOnChange} writes only the records whose content changed.
 * Under exactly-once an interrupted run has committed what it finished; running it again with the
 * same time redoes the rest (and rewrites nothing that did not change).
 */
public final class Reprocessor {

  /** Where each raw partition is re-read from, and up to where. */
  public record Plan(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    public long records() {
      return to.entrySet().stream().mapToLong(e -> e.getValue() - from.get(e.getKey())).sum();
    }
  }

  /** What a run did. */
  public record Result(boolean complete, long reread, long written, long unchanged) {}

  /** The pipeline is running: offsets of an active group cannot be moved. */
  public static final class GroupActiveException extends IllegalStateException {
    GroupActiveException(String message) {
      super(message);
    }
  }

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

  private final PolicywireConfig config;
  private final Admin admin;

  public Reprocessor(PolicywireConfig config, Admin admin) {
    this.config = config;
    this.admin = admin;
  }

  /**
   * The plan for re-reading from {@code since}: per raw partition, the first offset at or after
   * it (never later than what the application already committed, so nothing unread is skipped)
   * up to the current end.
   */
  public Plan plan(Instant since) throws ExecutionException, InterruptedException {
    requireStopped();
    String raw = config.topics().raw();
    List<TopicPartition> partitions = admin.describeTopics(List.of(raw)).allTopicNames().get()
        .get(raw).partitions().stream().map(p -> new TopicPartition(raw, p.partition())).toList();
    Map<TopicPartition, Long> atTime = offsets(partitions, OffsetSpec.forTimestamp(
        since.toEpochMilli()));
    Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, OffsetAndMetadata> committed = committed();
    Map<TopicPartition, Long> from = new HashMap<>();
    for (TopicPartition tp : partitions) {
      long start = atTime.get(tp) < 0 ? end.get(tp) : atTime.get(tp);
      OffsetAndMetadata c = committed.get(tp);
      from.put(tp, c == null ? start : Math.min(start, c.offset()));
    }
    return new Plan(from, end);
  }

  /** Moves the application's raw offsets to the plan's start. */
  public void rewind(Plan plan) throws ExecutionException, InterruptedException {
    requireStopped();
    admin.alterConsumerGroupOffsets(config.applicationId(), plan.from().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))))
        .all().get();
  }

  /** Runs the pipeline until the plan is re-read and every internal hop has caught up. */
  public Result run(Plan plan, Duration timeout, PrintStream progress) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long started = System.nanoTime();
    try (PipelineRunner runner = PipelineRunner.start(config, false)) {
      long reread = 0;
      boolean done = false;
      while (!done && System.nanoTime() < deadline) {
        Thread.sleep(PROGRESS_EVERY.toMillis());
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        reread = reread(plan, committed);
        done = reread >= plan.records() && internalHopsCaughtUp(committed);
        progress.printf("reprocess: %,d / %,d raw records re-read (%d%%), %ds%n", reread,
            plan.records(), plan.records() == 0 ? 100 : reread * 100 / plan.records(),
            Duration.ofNanos(System.nanoTime() - started).toSeconds());
      }
      return new Result(done, reread, total(runner, EmitOnChange.WRITTEN),
          total(runner, EmitOnChange.UNCHANGED));
    }
  }

  private static long reread(Plan plan, Map<TopicPartition, OffsetAndMetadata> committed) {
    long n = 0;
    for (var e : plan.to().entrySet()) {
      OffsetAndMetadata c = committed.get(e.getKey());
      long at = c == null ? plan.from().get(e.getKey()) : c.offset();
      n += Math.min(at, e.getValue()) - plan.from().get(e.getKey());
    }
    return Math.max(n, 0);
  }

  /** Every repartition topic the application reads is consumed to its end. */
  private boolean internalHopsCaughtUp(Map<TopicPartition, OffsetAndMetadata> committed)
      throws ExecutionException, InterruptedException {
    List<TopicPartition> internal = committed.keySet().stream()
        .filter(tp -> !tp.topic().equals(config.topics().raw())).toList();
    Map<TopicPartition, Long> end = offsets(internal, OffsetSpec.latest());
    // transaction markers take an offset each: a hop is caught up within a marker of its end
    return internal.stream().allMatch(tp -> end.get(tp) - committed.get(tp).offset() <= 1);
  }

  private static long total(PipelineRunner runner, String operation) {
    return Math.round(runner.streams().metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(operation + "-total")
            && e.getKey().group().equals("stream-" + EmitOnChange.METRICS_SCOPE + "-metrics"))
        .mapToDouble(e -> ((Number) ((KafkaMetric) e.getValue()).metricValue()).doubleValue())
        .sum());
  }

  private void requireStopped() throws ExecutionException, InterruptedException {
    try {
      ConsumerGroupDescription group = admin.describeConsumerGroups(
          List.of(config.applicationId())).all().get().get(config.applicationId());
      if (!group.members().isEmpty()) {
        throw new GroupActiveException("the pipeline (application id " + config.applicationId()
            + ") is running with " + group.members().size() + " member(s); stop it first: "
            + "reprocess runs the pipeline itself until it has caught up (an instance that died "
            + "without stopping stays listed for the session timeout, 45 s by default)");
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof GroupIdNotFoundException)) {
        throw e;
      }
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> committed()
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(
        config.applicationId()).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
    all.forEach((tp, o) -> {
      if (o != null) {
        present.put(tp, o);
      }
    });
    return present;
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, ListOffsetsResultInfo> info = admin.listOffsets(partitions.stream()
        .collect(Collectors.toMap(tp -> tp, tp -> spec))).all().get();
    Map<TopicPartition, Long> offsets = new HashMap<>();
    info.forEach((tp, i) -> offsets.put(tp, i.offset()));
    return offsets;
  }
}
