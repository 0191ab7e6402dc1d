package io.policywire.dedupe;

import io.policywire.model.AnnotatedArticle;

/**
 * One band of an article on its way to the band index (key: band key). The first band also
 * carries the article itself, so that it reaches the decision without another repartition.
 *
 * @param band index of this band, 0-based
 * @param bands how many probes the article sent (the decision waits for all of their results)
 * @param indexed false for an article without shingles: nothing to compare, nothing to index
 * @param article the article with what the tagging stages found in it, on band 0 only
 * @param delivery which delivery of the article this is (an article published twice is decided
 *     twice, and the two deliveries' answers must not mix)
 */
public record BandProbe(int band, int bands, boolean indexed, Sketch sketch,
    AnnotatedArticle article, String delivery) {}
