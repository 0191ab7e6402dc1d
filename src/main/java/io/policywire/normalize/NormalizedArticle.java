package io.policywire.normalize;

/**
 * An article after the normalize stage: validated, markup and boilerplate removed, Unicode
 * cleaned.
 *
 * @param publishedAt an ISO-8601 instant (UTC), or null when the source gave none
 * @param language the detected language of the body (ISO 639-1 where one exists), else the one
 *     the source gave, else null
 * @param text the clean body; every later offset points into it ({@link MatchFold} gives the
 *     matching form with the same offsets)
 * @param origin the agency or outlet the text credits as its origin ("AFP", "TechCrunch"), lifted
 *     out of the text by normalize; null when it credits none
 * @param author the byline: the raw article's, else the page's metadata, else a "By …" line
 *     lifted out of the text; null when unknown
 * @param canonicalUrl the page's own canonical URL (rel=canonical or og:url), when it is HTML
 *     and says one; null otherwise
 */
public record NormalizedArticle(
    String id, String url, String source, String title, String publishedAt, String language,
    String text, String origin, String author, String canonicalUrl) {

  /** Without author and canonical URL, as the record was before they were added. */
  public NormalizedArticle(String id, String url, String source, String title,
      String publishedAt, String language, String text, String origin) {
    this(id, url, source, title, publishedAt, language, text, origin, null, null);
  }
}
