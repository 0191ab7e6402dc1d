package io.policywire.serve;

import io.policywire.model.EnrichedArticle;
import io.policywire.model.Story;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Queries over this instance's share of the {@link ServeStage} stores: the partitions it hosts as
 * active tasks. {@link QueryRouter} sends a key to the instance that owns it and merges the lists
 * of every instance. Throws Kafka's {@code InvalidStateStoreException} while a store is migrating.
 */
public final class LocalStores {

  private final KafkaStreams streams;

  public LocalStores(KafkaStreams streams) {
    this.streams = streams;
  }

  public Optional<EnrichedArticle> article(String id) {
    return Optional.ofNullable(this.<EnrichedArticle>kv(ServeStage.ARTICLES).get(id));
  }

  public Optional<Story> story(String id) {
    return Optional.ofNullable(this.<Story>kv(ServeStage.STORIES).get(id));
  }

  public Optional<Object> entity(String id) {
    return Optional.ofNullable(this.<Object>kv(ServeStage.ENTITIES).get(id));
  }

  public Optional<Timed> action(String id) {
    return Optional.ofNullable(this.<Timed>kv(ServeStage.ACTIONS).get(id));
  }

  /** The most recently updated stories here, newest first. */
  public List<Story> recentStories(int limit) {
    List<Story> all = new ArrayList<>();
    try (KeyValueIterator<String, Story> it = this.<Story>kv(ServeStage.STORIES).all()) {
      it.forEachRemaining(kv -> all.add(kv.value));
    }
    all.sort(STORIES_NEWEST_FIRST);
    return all.subList(0, Math.min(limit, all.size()));
  }

  /** Entity activity summed over the hour windows starting in [from, to]. */
  public List<EntityActivity> activity(Instant from, Instant to) {
    ReadOnlyWindowStore<String, EntityActivity> store = streams.store(
        StoreQueryParameters.fromNameAndType(ServeStage.ENTITY_ACTIVITY,
            QueryableStoreTypes.windowStore()));
    Map<String, EntityActivity> sums = new HashMap<>();
    try (KeyValueIterator<Windowed<String>, EntityActivity> it = store.fetchAll(from, to)) {
      while (it.hasNext()) {
        KeyValue<Windowed<String>, EntityActivity> kv = it.next();
        sums.merge(kv.key.key(), kv.value, EntityActivity::plus);
      }
    }
    return new ArrayList<>(sums.values());
  }

  /** Actions (or alerts) whose time is at or after {@code since}; see {@link #timeOf}. */
  public List<Served> since(String storeName, Instant since) {
    List<Served> out = new ArrayList<>();
    try (KeyValueIterator<String, Timed> it = this.<Timed>kv(storeName).all()) {
      it.forEachRemaining(kv -> {
        Served s = Served.of(kv.key, kv.value);
        if (!Instant.parse(s.time()).isBefore(since)) {
          out.add(s);
        }
      });
    }
    return out;
  }

  /**
   * A served action or alert: its record with when it happened ({@code time}: the action's own
   * {@code date} when it has one, else when it was first reported) and when we first saw it.
   */
  public record Served(String id, Object value, String time, String firstSeen) {

    static Served of(String id, Timed t) {
      Instant seen = Instant.ofEpochMilli(t.firstSeen());
      return new Served(id, t.value(), timeOf(t).toString(), seen.toString());
    }
  }

  static Instant timeOf(Timed t) {
    String date = t.value().path("date").asText(null);
    if (date != null && date.length() >= 10) {
      try {
        return LocalDate.parse(date.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (java.time.format.DateTimeParseException ignored) {
        // fall back to when it was first reported
      }
    }
    return Instant.ofEpochMilli(t.firstSeen());
  }

  static final Comparator<Story> STORIES_NEWEST_FIRST = Comparator
      .comparing((Story s) -> s.lastSeen() == null ? "" : s.lastSeen()).reversed()
      .thenComparing(Story::storyId);

  private <V> ReadOnlyKeyValueStore<String, V> kv(String name) {
    return streams.store(StoreQueryParameters.fromNameAndType(name,
        QueryableStoreTypes.keyValueStore()));
  }
}
