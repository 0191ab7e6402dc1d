package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.dedupe.DedupeSettings;
import io.policywire.dedupe.StoryState;
import io.policywire.dedupe.StoryUpdate;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.JsonSerde;
import io.policywire.model.Story;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps one record per story on {@code news.stories} (key story id, value story). Story updates
 * from the dedupe stage are repartitioned by story id, so a story's copies meet in one task. An
 * update adds copies, or retires the story into another one (its canonical copy turned out to
 * be a copy of an earlier article): the copies that moved leave it, and a story left with none
 * is deleted from the topic (a tombstone). A story untouched for the dedupe window plus grace is
 * forgotten by the store; its last record stays on the compacted topic.
 */
final class StoriesStage {

  static final String REPARTITION = "stories-by-story-id";
  static final String AGGREGATE = "stories-aggregate";
  static final String STORE = "stories-store";
  static final String SINK = "stories-sink";

  private static final Serde<StoryUpdate> STORY_UPDATE = new JsonSerde<>(StoryUpdate.class);
  private static final Duration EXPIRY_SCAN = Duration.ofHours(1);

  private StoriesStage() {}

  static void build(StreamsBuilder builder, KStream<String, StoryUpdate> updates,
      PolicywireConfig config) {
    DedupeSettings settings = DedupeStage.settings(config);
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE), AppSerdes.KEY, AppSerdes.STORY_STATE));
    updates
        .repartition(Repartitioned.with(AppSerdes.KEY, STORY_UPDATE).withName(REPARTITION))
        .process(() -> new StoryProcessor(settings.retention()), Named.as(AGGREGATE), STORE)
        .to(config.topics().stories(),
            Produced.with(AppSerdes.KEY, AppSerdes.STORY).withName(SINK));
  }

  /** Applies each update to its story's state and emits the story as it now stands. */
  private static final class StoryProcessor
      implements Processor<String, StoryUpdate, String, Story> {

    private final Duration retention;
    private ProcessorContext<String, Story> context;
    private KeyValueStore<String, StoryState> store;

    StoryProcessor(Duration retention) {
      this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Story> context) {
      this.context = context;
      this.store = context.getStateStore(STORE);
      context.schedule(EXPIRY_SCAN, PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, StoryUpdate> record) {
      String storyId = record.key();
      StoryState state = store.get(storyId);
      boolean wasLive = state != null && state.live();
      StoryState next = (state == null ? StoryState.empty(storyId) : state)
          .apply(record.value(), record.timestamp());
      store.put(storyId, next);
      if (next.live()) {
        context.forward(record.withValue(next.toStory()));
      } else if (wasLive) {
        context.forward(record.withValue(null));
      }
    }

    private void expire(long streamTime) {
      long cutoff = streamTime - retention.toMillis();
      List<String> expired = new ArrayList<>();
      try (KeyValueIterator<String, StoryState> all = store.all()) {
        while (all.hasNext()) {
          KeyValue<String, StoryState> entry = all.next();
          if (entry.value.touchedAt() < cutoff) {
            expired.add(entry.key);
          }
        }
      }
      expired.forEach(store::delete);
    }
  }
}
