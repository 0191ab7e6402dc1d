package io.policywire.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.policywire.model.EnrichedArticle;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The pipeline's own counters and timers, created in one place so every stage counts under the
 * same names (Prometheus: {@code policywire_articles_in_total}, {@code
 * policywire_stage_latency_seconds{stage="normalize"}}, …). Stages get this object from {@link
 * io.policywire.pipeline.PipelineTopology} and call the method for what they did; the composition
 * already counts what it can see from outside a stage (articles in, enriched, duplicates, entities
 * and actions on each enriched article, alerts on {@code news.alerts}), so a stage only adds its
 * latency with {@link #time}. Dead letters are counted by Kafka Streams itself (see
 * {@link PipelineMetrics}). Counting is not transactional: after a crash a retried record may be
 * counted twice.
 */
public final class StageMetrics {

  public static final String ARTICLES_IN = "policywire.articles.in";
  public static final String ENRICHED = "policywire.articles.enriched";
  public static final String DEAD_LETTERED = "policywire.articles.dead.lettered";
  public static final String DUPLICATES = "policywire.articles.duplicates";
  public static final String ENTITIES_TAGGED = "policywire.entities.tagged";
  public static final String ACTIONS_DETECTED = "policywire.actions.detected";
  public static final String ALERTS_SENT = "policywire.alerts.sent";
  public static final String STAGE_LATENCY = "policywire.stage.latency";

  private static final Duration[] SLOS = {Duration.ofMillis(1), Duration.ofMillis(5),
      Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofSeconds(5), Duration.ofSeconds(30)};

  private final MeterRegistry registry;
  private final Counter articlesIn;
  private final Counter enriched;
  private final Counter duplicates;
  private final Counter entitiesTagged;
  private final Counter actionsDetected;
  private final Counter alertsSent;
  private final Map<String, Timer> latency = new ConcurrentHashMap<>();

  public StageMetrics(MeterRegistry registry) {
    this.registry = registry;
    articlesIn = counter(ARTICLES_IN, "raw articles read from news.articles.raw");
    enriched = counter(ENRICHED, "articles written to news.articles.enriched");
    duplicates = counter(DUPLICATES, "enriched articles found to be a copy of another");
    entitiesTagged = counter(ENTITIES_TAGGED, "entity mentions on enriched articles");
    actionsDetected = counter(ACTIONS_DETECTED, "regulatory actions reported on enriched articles");
    alertsSent = counter(ALERTS_SENT, "alerts on news.alerts (new regulatory actions)");
    for (String stage : new String[] {"normalize", "enrich"}) {
      timer(stage);
    }
  }

  /** Counts into nothing: for topology tests and tools that do not export metrics. */
  public static StageMetrics noop() {
    return new StageMetrics(new CompositeMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void articleIn() {
    articlesIn.increment();
  }

  /** One article written to the enriched topic: counts it, its duplicate flag, entities, actions. */
  public void enriched(EnrichedArticle article) {
    enriched.increment();
    if (article.dedup() != null && article.dedup().duplicateOf() != null) {
      duplicates.increment();
    }
    entitiesTagged.increment(article.entities().size());
    actionsDetected.increment(article.actions().size());
  }

  public void alertSent() {
    alertsSent.increment();
  }

  /** Runs {@code work} and records how long it took under {@code stage}. */
  public <T> T time(String stage, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      timer(stage).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  /** Records a latency measured elsewhere (e.g. from a record's timestamp to now). */
  public void record(String stage, Duration took) {
    timer(stage).record(took.isNegative() ? Duration.ZERO : took);
  }

  private Timer timer(String stage) {
    return latency.computeIfAbsent(stage, s -> Timer.builder(STAGE_LATENCY)
        .description("time an article spends in a stage; 'enrich' is from the raw record's "
            + "timestamp to the enriched record")
        .tag("stage", s)
        .serviceLevelObjectives(SLOS)
        .register(registry));
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }
}
