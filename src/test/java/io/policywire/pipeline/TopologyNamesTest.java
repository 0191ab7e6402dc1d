package io.policywire.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.ConfigLoader;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Pins the names of processors, stores and internal topics. Renaming a store or a repartition
 * topic in production orphans its changelog and loses state, so a rename must fail here first.
 */
class TopologyNamesTest {

  private final TopologyDescription description =
      PipelineTopology.build(ConfigLoader.defaults(Map.of())).describe();

  @Test
  void shouldNameEveryProcessorAfterItsStage() {
    Set<String> names = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        names.add(node.name());
        if (node instanceof TopologyDescription.Processor p) {
          stores.addAll(p.stores());
        }
      }
    }
    assertThat(names).containsExactlyInAnyOrder(
        "raw-source", "lineage", "raw-", "raw-retractions", "raw-articles", "normalize",
        "tag-entities", "tag-stances",
        "retract-mark", "retract-by-article-repartition-filter",
        "retract-by-article-repartition-sink", "retract-by-article-repartition-source",
        "retract-enriched", "retract-story", "dedupe-enriched-and-retractions",
        "dedupe-story-updates-and-retractions",
        "dedupe-sketch", "dedupe-by-band-repartition-filter", "dedupe-by-band-repartition-sink",
        "dedupe-by-band-repartition-source", "dedupe-band-lookup",
        "dedupe-by-article-repartition-filter", "dedupe-by-article-repartition-sink",
        "dedupe-by-article-repartition-source", "dedupe-decide",
        "dedupe-enriched", "enriched-written", "enriched-sink", "dedupe-story-updates",
        "stories-linker-input-repartition-filter",
        "stories-linker-input-repartition-sink", "stories-linker-input-repartition-source",
        "stories-link", "stories-written", "stories-sink",
        "entities-sightings", "entities-by-entity-id-repartition-filter",
        "entities-by-entity-id-repartition-sink", "entities-by-entity-id-repartition-source",
        "entities-aggregate", "entities-sink",
        "tag-actions", "actions-mentions", "actions-by-action-id-repartition-filter",
        "actions-by-action-id-repartition-sink", "actions-by-action-id-repartition-source",
        "actions-merge", "actions-records", "actions-alerts", "alerts-match-rules", "actions-sink",
        "alerts-sink",
        "serve-enriched-source", "serve-count-enriched", "serve-articles-table",
        "serve-entity-mentions", "serve-activity-by-entity-repartition-filter",
        "serve-activity-by-entity-repartition-sink", "serve-activity-by-entity-repartition-source",
        "serve-activity-aggregate", "serve-stories-table", "serve-stories-table-source",
        "serve-entities-table", "serve-entities-table-source", "serve-actions-source",
        "serve-actions-table", "serve-alerts-source", "serve-alerts-table");
    assertThat(stores).containsExactlyInAnyOrder("dedupe-band-index",
        "dedupe-pending-articles", "dedupe-pending-bands", "stories-store",
        "stories-article-index", "enriched-written", "stories-written", "entities-store",
        "entities-article-sightings", "actions-store", "actions-alerted", "actions-by-article",
        "serve-articles", "serve-entity-activity", "serve-stories", "serve-entities",
        "serve-actions", "serve-alerts");
  }

  @Test
  void shouldReadAlertRulesIntoANamedGlobalStore() {
    assertThat(description.globalStores()).hasSize(1);
    TopologyDescription.GlobalStore rules = description.globalStores().iterator().next();
    assertThat(rules.source().name()).isEqualTo("alert-rules-source");
    assertThat(rules.source().topicSet()).containsExactly("news.alert-rules");
    assertThat(rules.processor().stores()).containsExactly("alert-rules-store");
  }

  @Test
  void shouldReadRawAndWriteEnrichedStoriesActionsAndAlertsThroughNamedRepartitionTopics() {
    Set<String> sources = new TreeSet<>();
    Set<String> sinks = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source s) {
          sources.addAll(s.topicSet());
        } else if (node instanceof TopologyDescription.Sink s) {
          sinks.add(s.topic());
        }
      }
    }
    assertThat(sources).containsExactlyInAnyOrder("news.articles.raw",
        "dedupe-by-band-repartition",
        "dedupe-by-article-repartition", "stories-linker-input-repartition",
        "retract-by-article-repartition", "entities-by-entity-id-repartition",
        "actions-by-action-id-repartition",
        // serving reads the output topics back into its stores
        "news.articles.enriched", "news.stories", "news.entities", "news.regulatory-actions",
        "news.alerts", "serve-activity-by-entity-repartition");
    assertThat(sinks).containsExactlyInAnyOrder("news.articles.enriched", "news.stories",
        "news.entities", "dedupe-by-band-repartition",
        "dedupe-by-article-repartition", "stories-linker-input-repartition",
        "retract-by-article-repartition", "entities-by-entity-id-repartition",
        "news.regulatory-actions", "news.alerts", "actions-by-action-id-repartition",
        "serve-activity-by-entity-repartition");
    assertThat(description.subtopologies()).hasSize(11);
  }
}
