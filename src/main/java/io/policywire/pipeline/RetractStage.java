package io.policywire.pipeline;

import io.policywire.dedupe.StoryUpdate;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.EnrichedArticle;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Retractions (legal takedowns, corrections): {@code policywire retract ID} writes a tombstone
 * for the article on {@code news.articles.raw}, which is compacted, so the raw article itself
 * is gone after compaction. Here the tombstone becomes a tombstone on
 * {@code news.articles.enriched} and the removal of the article from its story. A repartition by
 * article id brings it to the tasks that write enriched records, whatever partition the
 * tombstone was produced to.
 */
final class RetractStage {

  static final String MARK = "retract-mark";
  static final String BY_ARTICLE = "retract-by-article";
  static final String TO_ENRICHED = "retract-enriched";
  static final String TO_STORIES = "retract-story";

  /** Tombstones for the enriched topic, and retractions for the story linker. */
  record Output(KStream<String, EnrichedArticle> enriched,
      KStream<String, StoryUpdate> storyUpdates) {}

  private RetractStage() {}

  static Output build(KStream<String, byte[]> retractions) {
    KStream<String, String> byArticle = retractions
        .mapValues((id, nothing) -> id, Named.as(MARK))
        .repartition(Repartitioned.with(AppSerdes.KEY, Serdes.String()).withName(BY_ARTICLE));
    return new Output(
        byArticle.mapValues(id -> (EnrichedArticle) null, Named.as(TO_ENRICHED)),
        byArticle.mapValues(StoryUpdate::retraction, Named.as(TO_STORIES)));
  }
}
