package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.dedupe.StoryCopy;
import io.policywire.dedupe.StoryState;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.Story;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps one record per story on {@code news.stories} (key story id, value story). Enriched
 * articles are reduced to a small copy record and repartitioned by story id, so a story's
 * copies meet in one task however stories were assigned upstream.
 */
final class StoriesStage {

  static final String COPY_BY_STORY = "stories-copy-by-story-id";
  static final String REPARTITION = "stories-by-story-id";
  static final String AGGREGATE = "stories-aggregate";
  static final String STORE = "stories-store";
  static final String SINK = "stories-sink";

  private StoriesStage() {}

  static void build(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched,
      PolicywireConfig config) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE), AppSerdes.KEY, AppSerdes.STORY_STATE));
    enriched
        .map((id, article) -> KeyValue.pair(article.dedup().storyId(), StoryCopy.of(article)),
            Named.as(COPY_BY_STORY))
        .repartition(Repartitioned.with(AppSerdes.KEY, AppSerdes.STORY_COPY).withName(REPARTITION))
        .process(StoryProcessor::new, Named.as(AGGREGATE), STORE)
        .to(config.topics().stories(),
            Produced.with(AppSerdes.KEY, AppSerdes.STORY).withName(SINK));
  }

  /** Adds each copy to its story's state and emits the story as it now stands. */
  private static final class StoryProcessor implements Processor<String, StoryCopy, String, Story> {

    private ProcessorContext<String, Story> context;
    private KeyValueStore<String, StoryState> store;

    @Override
    public void init(ProcessorContext<String, Story> context) {
      this.context = context;
      this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, StoryCopy> record) {
      String storyId = record.key();
      StoryState state = store.get(storyId);
      StoryState next = (state == null ? StoryState.empty(storyId) : state)
          .with(record.value(), Instant.ofEpochMilli(record.timestamp()));
      store.put(storyId, next);
      context.forward(record.withValue(next.toStory()));
    }
  }
}
