package io.policywire.dedupe;

import java.util.List;

/**
 * The bands of one group of an article on their way to the band index. An article's bands are
 * dealt into as many groups as the raw topic has partitions (band i to group i mod groups), and
 * each group travels as one record to one partition: one record per partition instead of one per
 * band. The article itself stays behind, in the task that read it (see {@link PendingArticle});
 * only its sketch travels.
 *
 * @param group which group of bands this is; it names the partition
 * @param bands the group's bands: index and band key
 * @param bandCount how many bands the article has in all (the decision waits for all of them)
 * @param indexed false for an article without shingles: nothing to compare, nothing to index
 * @param partition the raw partition the article was read from: its answers go back there
 * @param delivery which delivery of the article this is (an article published twice is decided
 *     twice, and the two deliveries' answers must not mix)
 */
public record BandProbe(int group, List<Band> bands, int bandCount, boolean indexed,
    Sketch sketch, int partition, String delivery) {

  /** One LSH band of an article: its index and its key in the band index. */
  public record Band(int index, String key) {}

  public BandProbe {
    bands = List.copyOf(bands);
  }
}
