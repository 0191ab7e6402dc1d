package io.policywire.tag;

import java.util.List;

/**
 * What an article last contributed to entity profiles ({@code entities-article-sightings}), so
 * that a retraction, or a re-enrichment that changes it, can take it back.
 *
 * @param at the record timestamp it was counted at, for expiry
 */
public record ArticleSightings(long at, List<EntitySighting> sightings) {}
