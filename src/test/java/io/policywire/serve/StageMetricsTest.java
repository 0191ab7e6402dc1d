package io.policywire.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.policywire.model.Dedup;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityMention;
import io.policywire.model.StanceTag;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StageMetrics metrics = new StageMetrics(registry);

  @Test
  void shouldCreateEveryMeterUpFrontSoDashboardsSeeZeroNotNothing() {
    for (String name : List.of(StageMetrics.ARTICLES_IN, StageMetrics.ENRICHED,
        StageMetrics.DUPLICATES, StageMetrics.ENTITIES_TAGGED, StageMetrics.ACTIONS_DETECTED,
        StageMetrics.ALERTS_SENT)) {
      assertThat(registry.get(name).counter().count()).as(name).isZero();
    }
    assertThat(registry.get(StageMetrics.STAGE_LATENCY).tag("stage", "normalize").timer().count())
        .isZero();
  }

  @Test
  void shouldCountAnEnrichedDuplicateWithItsEntitiesAndActions() {
    EnrichedArticle copy = new EnrichedArticle(1, "a-2", null, "Wire", "t", null, "en", "text",
        null, List.of(mention("org:a"), mention("org:b")),
        List.of(new StanceTag("org:a", "org:b", "AGAINST", 0.9, "e")), List.of(),
        new Dedup("s-1", "a-1", "a-1", 0.9, Dedup.MINHASH));

    metrics.articleIn();
    metrics.enriched(copy);
    metrics.alertSent();
    String result = metrics.time("tag", () -> "done");
    metrics.record("enrich", Duration.ofMillis(-5));

    assertThat(result).isEqualTo("done");
    assertThat(registry.get(StageMetrics.ARTICLES_IN).counter().count()).isEqualTo(1);
    assertThat(registry.get(StageMetrics.ENRICHED).counter().count()).isEqualTo(1);
    assertThat(registry.get(StageMetrics.DUPLICATES).counter().count()).isEqualTo(1);
    assertThat(registry.get(StageMetrics.ENTITIES_TAGGED).counter().count()).isEqualTo(2);
    assertThat(registry.get(StageMetrics.ACTIONS_DETECTED).counter().count()).isZero();
    assertThat(registry.get(StageMetrics.ALERTS_SENT).counter().count()).isEqualTo(1);
    assertThat(registry.get(StageMetrics.STAGE_LATENCY).tag("stage", "tag").timer().count())
        .isEqualTo(1);
    assertThat(registry.get(StageMetrics.STAGE_LATENCY).tag("stage", "enrich").timer()
        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isZero();
  }

  @Test
  void shouldSumEntityActivityWithTheStancesTowardsEachEntity() {
    EnrichedArticle article = new EnrichedArticle(1, "a-1", null, "Wire", "t", null, "en", "x",
        null, List.of(mention("org:a"), mention("gov:b")),
        List.of(new StanceTag("gov:b", "org:a", "AGAINST", 0.9, "e"),
            new StanceTag("author", "org:a", "FAVOR", 0.6, "e"),
            new StanceTag("org:a", "gov:b", "NEUTRAL", 0.5, "e")), List.of(), null);

    List<EntityActivity> activity = EntityActivity.of(article);
    EntityActivity a = activity.get(0).plus(activity.get(0));

    assertThat(activity).extracting(EntityActivity::id).containsExactly("org:a", "gov:b");
    assertThat(activity.get(0)).isEqualTo(new EntityActivity("org:a", "org:a", "ORG", 1, 1, 1, 0));
    assertThat(activity.get(1).neutral()).isEqualTo(1);
    assertThat(a.articles()).isEqualTo(2);
    assertThat(a.against()).isEqualTo(2);
  }

  private static EntityMention mention(String id) {
    return new EntityMention(id, id, "ORG", null, 1, 0.5, List.of());
  }
}
