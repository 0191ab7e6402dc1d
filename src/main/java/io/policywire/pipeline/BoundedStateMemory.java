package io.policywire.pipeline;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/**
 * Bounds the block memory of every RocksDB store of this JVM together: one block cache shared by
 * all of them, holding their index and filter blocks too (which otherwise grow with the data,
 * outside any cache). Kafka Streams' default gives each store instance its own 50 MB cache, and
 * the pipeline opens dozens (a store per partition), so its resident set grew with the state:
 * 2.9 GB at 60,000 articles of one week in {@code bench --memory-articles}, far over a 1 GiB
 * container. Memtables stay each store's own (Kafka Streams' 16 MB, at most three): charging
 * them to the cache too, as Kafka Streams' memory guide shows, made every store flush tiny
 * memtables once the shared budget was reached, and writes stalled on the files that piled up.
 */
public final class BoundedStateMemory implements RocksDBConfigSetter {

  /** The Streams property carrying the bound in bytes, set by {@link StreamsSettings}. */
  public static final String BYTES_CONFIG = "policywire.state.memory.bytes";
  /** Index and filter blocks stay in a high-priority part of the cache, not evicted first. */
  private static final double HIGH_PRIORITY_SHARE = 0.1;

  private static Cache cache;
  private static long bytes;

  /** The shared cache and buffer manager, made by the first store opened in this JVM. */
  private static synchronized void init(long bound) {
    if (cache == null) {
      bytes = bound;
      cache = new LRUCache(bound, -1, false, HIGH_PRIORITY_SHARE);
    }
  }

  /** The bound in force in this JVM, 0 before any store was opened. */
  public static synchronized long boundBytes() {
    return bytes;
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    init(bound(configs));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
  }

  private static long bound(Map<String, Object> configs) {
    Object value = configs.get(BYTES_CONFIG);
    if (value == null) {
      throw new IllegalStateException(BYTES_CONFIG + " is not set: StreamsSettings sets it");
    }
    return Long.parseLong(value.toString());
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and buffer manager are shared by every store of the JVM: never closed here
  }
}
