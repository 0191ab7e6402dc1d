package io.policywire.bench;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.TopicApplier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * What a run left on the broker: the bytes of every partition of the run's topics (inputs,
 * outputs, repartitions, changelogs, transaction markers), before any compaction or retention.
 * Divided by the articles, it is the broker's cost of an article, which a pass-through pays once.
 */
final class BrokerFootprint {

  private BrokerFootprint() {}

  /**
   * Bytes on the broker's log dirs in partitions of topics whose name starts with prefix, by
   * topic (the name without the prefix), all partitions summed.
   */
  static Map<String, Long> bytesByTopic(PolicywireConfig config, String prefix) {
    try (Admin admin = TopicApplier.admin(config)) {
      List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id)
          .toList();
      Map<String, Long> bytes = new TreeMap<>();
      for (var dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
        for (LogDirDescription dir : dirs.values()) {
          for (var replica : dir.replicaInfos().entrySet()) {
            TopicPartition partition = replica.getKey();
            if (partition.topic().startsWith(prefix) && !replica.getValue().isFuture()) {
              bytes.merge(partition.topic().substring(prefix.length()),
                  replica.getValue().size(), Long::sum);
            }
          }
        }
      }
      return bytes;
    } catch (ExecutionException e) {
      throw new IllegalStateException("benchmark failed: could not read the broker's log dirs: "
          + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the broker's log dirs", e);
    }
  }
}
