package io.policywire.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Full scans of a key-value store, for the punctuators that expire old entries. */
final class StoreScan {

  private StoreScan() {}

  /**
   * The keys whose value matches, collected before anything is deleted (a store must not be
   * changed while an iterator over it is open).
   */
  static <V> List<String> keysWhere(KeyValueStore<String, V> store, Predicate<V> test) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, V> entry = all.next();
        if (test.test(entry.value)) {
          keys.add(entry.key);
        }
      }
    }
    return keys;
  }
}
