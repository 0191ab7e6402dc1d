package io.policywire.model;

/**
 * Where an article stands among its copies.
 *
 * @param duplicateOf the canonical article's id when this article is a copy, else null
 * @param method {@code exact}, {@code minhash} or {@code none}
 */
public record Dedup(
    String storyId, String canonicalId, String duplicateOf, double similarity, String method) {

  public static final String EXACT = "exact";
  public static final String MINHASH = "minhash";
  public static final String NONE = "none";
}
