package io.policywire.normalize;

/**
 * An article after the normalize stage: validated, markup removed, Unicode cleaned.
 *
 * @param publishedAt an ISO-8601 instant (UTC), or null when the source gave none
 * @param text the clean body; every later offset points into it
 * @param origin the agency or outlet the text credits as its origin ("AFP", "TechCrunch"), lifted
 *     out of the text by normalize; null when it credits none
 */
public record NormalizedArticle(
    String id, String url, String source, String title, String publishedAt, String language,
    String text, String origin) {}
