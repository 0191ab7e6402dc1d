package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.dedupe.StoryBook;
import io.policywire.dedupe.StoryLinker;
import io.policywire.dedupe.StoryState;
import io.policywire.dedupe.StoryUpdate;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.Story;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps one record per story on {@code news.stories} (key story id, value story). Each dedupe
 * decision (an article and its confirmed copies) goes through a single-partition repartition to
 * the {@link StoryLinker}, which merges it with the stories its members are in: the copy relation
 * is not transitive, and only a view of every decision can make the groups (and so the stories)
 * independent of how many partitions and instances decided them. The linker does a few store
 * operations per article; the expensive work (sketching, band lookups) stays partitioned.
 *
 * <p>A story merged into another is deleted from the topic (a tombstone). A story untouched for
 * the dedupe window plus grace is forgotten by the stores; its last record stays on the topic.
 */
final class StoriesStage {

  static final String REPARTITION = "stories-linker-input";
  static final String LINK = "stories-link";
  static final String STORE = "stories-store";
  static final String ARTICLE_INDEX = "stories-article-index";
  static final String WRITTEN = "stories-written";
  static final String SINK = "stories-sink";

  private static final Duration EXPIRY_SCAN = Duration.ofHours(1);

  private StoriesStage() {}

  static void build(StreamsBuilder builder, KStream<String, StoryUpdate> decisions,
      PolicywireConfig config) {
    Duration retention = DedupeStage.settings(config).retention();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE), AppSerdes.KEY, AppSerdes.STORY_STATE));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ARTICLE_INDEX), AppSerdes.KEY, Serdes.String()));
    KStream<String, Story> stories = decisions
        .repartition(Repartitioned.with(AppSerdes.KEY, AppSerdes.STORY_UPDATE).withName(REPARTITION)
            .withNumberOfPartitions(1))
        .process(() -> new LinkProcessor(retention), Named.as(LINK), STORE, ARTICLE_INDEX);
    EmitOnChange.filter(builder, stories, WRITTEN, AppSerdes.STORY)
        .to(config.topics().stories(),
            Produced.with(AppSerdes.KEY, AppSerdes.STORY).withName(SINK));
  }

  /** Links each decision and emits the stories it changed (tombstones for merged ones). */
  private static final class LinkProcessor
      implements Processor<String, StoryUpdate, String, Story> {

    private final Duration retention;
    private ProcessorContext<String, Story> context;
    private KeyValueStore<String, StoryState> stories;
    private StoryLinker linker;

    LinkProcessor(Duration retention) {
      this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Story> context) {
      this.context = context;
      this.stories = context.getStateStore(STORE);
      this.linker = new StoryLinker(new StoryBook(new StoreTable<>(stories),
          new StoreTable<>(context.getStateStore(ARTICLE_INDEX))));
      context.schedule(EXPIRY_SCAN, PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, StoryUpdate> record) {
      StoryUpdate update = record.value();
      Map<String, Story> changed = update.retracted() != null
          ? linker.retract(update.retracted(), record.timestamp())
          : linker.link(update.copies(), record.timestamp());
      changed.forEach((storyId, story) ->
          context.forward(record.withKey(storyId).withValue(story)));
    }

    private void expire(long streamTime) {
      long cutoff = streamTime - retention.toMillis();
      StoreScan.keysWhere(stories, s -> s.touchedAt() < cutoff).forEach(linker::forget);
    }
  }

  /** A state store as the linker's table. */
  private record StoreTable<V>(KeyValueStore<String, V> store) implements StoryBook.Table<V> {

    @Override
    public V get(String key) {
      return store.get(key);
    }

    @Override
    public void put(String key, V value) {
      store.put(key, value);
    }

    @Override
    public void delete(String key) {
      store.delete(key);
    }
  }
}
