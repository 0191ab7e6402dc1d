package io.policywire.dedupe;

/**
 * One band of an article on its way to the band index (key: band key). The article itself stays
 * behind, in the task that read it (see {@link PendingArticle}); only its sketch travels.
 *
 * @param band index of this band, 0-based
 * @param bands how many probes the article sent (the decision waits for all of their results)
 * @param indexed false for an article without shingles: nothing to compare, nothing to index
 * @param partition the raw partition the article was read from: its answers go back there
 * @param delivery which delivery of the article this is (an article published twice is decided
 *     twice, and the two deliveries' answers must not mix)
 */
public record BandProbe(int band, int bands, boolean indexed, Sketch sketch, int partition,
    String delivery) {}
