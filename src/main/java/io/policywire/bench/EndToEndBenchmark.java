package io.policywire.bench;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.ReadCommittedConsumers;
import io.policywire.kafka.TopicApplier;
import io.policywire.model.RawArticle;
import io.policywire.pipeline.PipelineTopology;
import io.policywire.pipeline.StreamsSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * The end-to-end measurements of {@code policywire bench}, each on fresh topics of one broker:
 * throughput of the full pipeline and of a pass-through topology over pre-loaded articles (timed
 * from the moment the instance is RUNNING, its tasks assigned, to the last committed output, so
 * start-up and rebalance are left out), and publish-to-enriched latency at fixed rates.
 */
final class EndToEndBenchmark {

  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(5);
  /** A phase fails when no output arrives for this long. */
  private static final Duration STALL = Duration.ofSeconds(60);
  /** How many times a throughput run samples the de-duplication state size. */
  private static final int STATE_SAMPLES = 10;
  /** Articles published in the first seconds of a latency run are not timed (JIT warm-up). */
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  /** How many topics the log line of a throughput run breaks its broker footprint into. */
  private static final int TOPICS_LISTED = 6;

  private final PolicywireConfig base;
  private final Path workDir;
  private final PrintWriter log;
  private final AtomicInteger runs = new AtomicInteger();
  /**
   * Tells this invocation's topics and application ids from an earlier one's on the same broker
   * ({@code --bootstrap-servers}): reusing them would resume that run's offsets and state.
   */
  private final String invocation =
      Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

  EndToEndBenchmark(PolicywireConfig base, Path workDir, PrintWriter log) {
    this.base = base;
    this.workDir = workDir;
    this.log = log;
  }

  /**
   * One throughput run, with the de-duplication state sampled as the articles went through.
   *
   * @param cpuMsPerArticle CPU time of the stream threads per article: the cost of the topology
   *     itself, which the machine's load does not move as it moves wall-clock throughput
   * @param brokerKbPerArticle what the run's topics hold on the broker, per article
   */
  record Throughput(double articlesPerSec, double cpuMsPerArticle, double brokerKbPerArticle,
      List<BenchResult.StateSample> dedupState) {}

  Throughput pipelineThroughput(int articles, int threads) {
    return throughput("pipeline", articles, threads, PipelineTopology::build);
  }

  Throughput passThroughThroughput(int articles) {
    return throughput("pass-through", articles, 1, PassThroughTopology::build);
  }

  /**
   * Runs both topologies over {@code articles} of their own, unmeasured, so the runs after it
   * time compiled code: a pipeline serving for days runs that, not the interpreter and the JIT
   * compiler of its first minute (which, on two cores, share them with the stream thread).
   *
   * @return the pipeline's run: what the first minute after a start costs
   */
  Throughput warmUp(int articles) {
    Throughput cold = throughput("warm-up: pipeline", articles, 1, PipelineTopology::build);
    throughput("warm-up: pass-through", articles, 1, PassThroughTopology::build);
    return cold;
  }

  private Throughput throughput(String name, int articles, int threads,
      Function<PolicywireConfig, Topology> topology) {
    PolicywireConfig config = freshConfig(name.replaceAll("\\W+", "-"), threads);
    preload(config, articles);
    try (KafkaConsumer<String, byte[]> output = outputConsumer(config);
        KafkaStreams streams = new KafkaStreams(topology.apply(config),
            StreamsSettings.properties(config))) {
      AtomicLong running = runningSince(streams);
      streams.start();
      List<BenchResult.StateSample> state = new ArrayList<>();
      OutputCount count = countOutput(output, articles, STATE_SAMPLES, name, STALL, running,
          seen -> state.add(new BenchResult.StateSample(seen, StateSize.dedupeKeys(streams))));
      int seen = count.seen();
      double rate = count.articlesPerSec();
      double cpuMs = StreamThreadCpu.nanos(config.applicationId()) / 1e6 / seen;
      // every topic of a run, internal ones too (named after prefix + "app"), has its prefix
      Map<String, Long> byTopic = BrokerFootprint.bytesByTopic(config, config.topicPrefix());
      long brokerBytes = byTopic.values().stream().mapToLong(Long::longValue).sum();
      double brokerKb = brokerBytes / 1024.0 / seen;
      log.printf("%s, %d thread(s): %,d articles at %,.0f articles/s, %.2f CPU ms each, %.1f KB "
          + "on the broker each (%s); de-duplication state %s%n", name, threads, seen, rate, cpuMs,
          brokerKb, largest(byTopic, seen),
          state.isEmpty() ? "-" : state.get(state.size() - 1).keys() + " keys");
      return new Throughput(rate, cpuMs, brokerKb, List.copyOf(state));
    }
  }

  /** The topics holding the most, in KB an article: where the broker's cost of an article goes. */
  private static String largest(Map<String, Long> bytesByTopic, int articles) {
    return bytesByTopic.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOPICS_LISTED)
        .map(e -> String.format("%s %.1f", e.getKey().replaceFirst("^app-", ""),
            e.getValue() / 1024.0 / articles))
        .collect(Collectors.joining(", "));
  }

  /**
   * The memory run: {@code articles} published within one de-duplication {@code window} (so none
   * ages out and the state holds them all), through the one-thread pipeline; heap after a full
   * collection, resident set and de-duplication keys sampled as they come out.
   */
  BenchResult.MemoryRun memory(int articles, Duration window) {
    PolicywireConfig config = freshConfig("memory", 1);
    Duration step = window.dividedBy(articles);
    log.printf("memory: publishing %,d articles %s ms of event time apart (%s in all)%n",
        articles, step.toMillis(), window);
    preload(config, new WorkloadGenerator(42, step), articles);
    List<BenchResult.MemorySample> samples = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> output = outputConsumer(config);
        KafkaStreams streams = new KafkaStreams(PipelineTopology.build(config),
            StreamsSettings.properties(config))) {
      AtomicLong running = runningSince(streams);
      streams.start();
      // a growing backlog is processed in long batches: only a longer silence ends this run
      OutputCount count = countOutput(output, articles, STATE_SAMPLES * 2, "memory",
          PHASE_TIMEOUT, running, seen -> {
        var sample = new BenchResult.MemorySample(seen, MemoryUse.heapAfterGcMb(),
            MemoryUse.rssMb(), StateSize.dedupeKeys(streams));
        samples.add(sample);
        log.printf("memory: %,d of %,d articles out, heap after GC %,d MB, RSS %,d MB, "
            + "%,d de-duplication keys%n", seen, articles, sample.heapAfterGcMb(),
            sample.rssMb(), sample.dedupeKeys());
        log.flush();
      });
      return new BenchResult.MemoryRun(articles, window.toMinutes() / 1440.0,
          Runtime.getRuntime().maxMemory() / (1024 * 1024),
          samples.stream().mapToLong(BenchResult.MemorySample::heapAfterGcMb).max().orElse(-1),
          samples.stream().mapToLong(BenchResult.MemorySample::rssMb).max().orElse(-1),
          Math.round(count.articlesPerSec()), List.copyOf(samples));
    }
  }

  /** How many records came out, and at what rate from RUNNING to the last. */
  private record OutputCount(int seen, double articlesPerSec) {}

  /**
   * When {@code streams} first reaches RUNNING (0 until then): where processing starts. Timing
   * from the first output instead left out whatever the pipeline processed before it, which is
   * much of a run when it reads far ahead of its decisions (two threads "did" 1,654 articles/s
   * on two cores at 3.5 ms of CPU each that way). Set before {@code start()}.
   */
  private static AtomicLong runningSince(KafkaStreams streams) {
    AtomicLong at = new AtomicLong();
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        at.compareAndSet(0, System.nanoTime());
      }
    });
    return at;
  }

  /**
   * Reads the output until {@code articles} records came out, calling {@code sample} about
   * {@code samples} times on the way with the count so far. The first output may take a while
   * (every task's first transaction); after that, no output for {@code stall} ends the run.
   * Called right after the topology starts; {@code running} is when it reached RUNNING.
   */
  private static OutputCount countOutput(KafkaConsumer<String, byte[]> output, int articles,
      int samples, String name, Duration stall, AtomicLong running, IntConsumer sample) {
    long started = System.nanoTime();
    long last = 0;
    int seen = 0;
    long progressAt = System.nanoTime();
    int sampleEvery = Math.max(1, articles / samples);
    while (seen < articles && System.nanoTime() - progressAt
        < (seen == 0 ? PHASE_TIMEOUT : stall).toNanos()) {
      int n = output.poll(Duration.ofMillis(100)).count();
      if (n > 0) {
        last = System.nanoTime();
        progressAt = last;
        boolean due = (seen + n) / sampleEvery > seen / sampleEvery;
        seen += n;
        if (due) {
          sample.accept(seen);
        }
      }
    }
    check(seen >= articles, name + ": only " + seen + " of " + articles + " came out");
    // RUNNING is always seen before output can come; the start of the run is the fallback
    long from = running.get() > 0 && running.get() < last ? running.get() : started;
    return new OutputCount(seen, seen * 1e9 / Math.max(1, last - from));
  }

  /** Publishes at {@code rate} articles/s for {@code seconds} and measures each one's latency. */
  BenchResult.Percentiles latency(int rate, int seconds) throws InterruptedException {
    PolicywireConfig config = freshConfig("latency-" + rate, 1);
    int total = rate * seconds;
    List<Long> latencies;
    int received;
    try (KafkaStreams streams = new KafkaStreams(PipelineTopology.build(config),
            StreamsSettings.properties(config));
        KafkaProducer<String, RawArticle> producer = producer(config)) {
      streams.start();
      awaitRunning(streams);
      try (KafkaConsumer<String, byte[]> output = outputConsumer(config);
          LatencyListener listener =
              new LatencyListener(output, System.currentTimeMillis() + WARM_UP.toMillis())) {
        publishAtRate(config, producer, rate, total);
        long deadline = System.nanoTime() + STALL.toNanos();
        while (listener.received() < total && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
        received = listener.received();
        latencies = listener.latencies();
      }
    }
    // a rate above what the pipeline sustains is a result too: the backlog grows, latency with it
    boolean saturated = received < total;
    BenchResult.Percentiles p = BenchResult.Percentiles.of(latencies, saturated);
    log.printf("latency at %,d articles/s: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%,d samples)%s%n",
        rate, p.p50(), p.p95(), p.p99(), p.samples(), saturated ? "; SATURATED: only " + received
            + " of " + total + " came out within " + STALL.toSeconds() + " s of the last" : "");
    return p;
  }

  /** Sends {@code total} articles, one every 1/rate s on a fixed schedule (no drift). */
  private static void publishAtRate(PolicywireConfig config,
      KafkaProducer<String, RawArticle> producer, int rate, int total) {
    WorkloadGenerator generator = new WorkloadGenerator(rate);
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      LockSupport.parkNanos(start + i * 1_000_000_000L / rate - System.nanoTime());
      RawArticle a = generator.next();
      producer.send(new ProducerRecord<>(config.topics().raw(), null,
          System.currentTimeMillis(), a.id(), a));
    }
    producer.flush();
  }

  private PolicywireConfig freshConfig(String name, int threads) {
    String prefix = "bench-" + invocation + "-" + runs.incrementAndGet() + "-" + name + "-";
    PolicywireConfig config = base.withApplicationId(prefix + "app", prefix)
        .withStateDir(workDir.resolve(prefix + "state"))
        .withStreamThreads(threads);
    TopicApplier.applyForSingleBroker(config);
    return config;
  }

  private void preload(PolicywireConfig config, int articles) {
    preload(config, new WorkloadGenerator(42), articles);
  }

  private void preload(PolicywireConfig config, WorkloadGenerator generator, int articles) {
    int progressEvery = Math.max(100_000, articles / 10);
    try (KafkaProducer<String, RawArticle> producer = producer(config)) {
      for (int i = 1; i <= articles; i++) {
        RawArticle a = generator.next();
        producer.send(new ProducerRecord<>(config.topics().raw(), a.id(), a));
        if (i % progressEvery == 0 && i < articles) {
          log.printf("published %,d of %,d articles%n", i, articles);
          log.flush();
        }
      }
      producer.flush();
    }
  }

  private static KafkaProducer<String, RawArticle> producer(PolicywireConfig config) {
    Properties p = new Properties();
    p.putAll(config.kafka());
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Load generation only: on a loaded 2-core machine an idempotent producer writing to brand-new
    // partitions was seen retrying its first batch forever (OUT_OF_ORDER_SEQUENCE_NUMBER). One
    // request in flight keeps order without sequence numbers; a rare duplicate does not matter.
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return new KafkaProducer<>(p, new StringSerializer(), AppSerdes.RAW_ARTICLE.serializer());
  }

  private static KafkaConsumer<String, byte[]> outputConsumer(PolicywireConfig config) {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        ReadCommittedConsumers.properties(config.bootstrapServers(), config.kafka(), "bench"),
        new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(config.topics().enriched()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      check(System.nanoTime() < deadline, "the pipeline did not reach RUNNING");
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException("benchmark failed: " + message);
    }
  }
}
