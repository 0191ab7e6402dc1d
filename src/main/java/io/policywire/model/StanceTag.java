package io.policywire.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who is for or against whom in an article, with the sentence it rests on.
 *
 * @param holder an entity id, or {@code author} for the article's own framing
 * @param stance FAVOR, AGAINST or NEUTRAL
 * @param evidenceSpan [start, end) of {@code evidence} in the article's text, so a consumer can
 *     highlight it (added field; absent on records written before it)
 */
public record StanceTag(
    String holder, String target, String stance, double confidence, String evidence,
    @JsonInclude(JsonInclude.Include.NON_NULL) int[] evidenceSpan) {

  /** A stance without the position of its evidence. */
  public StanceTag(String holder, String target, String stance, double confidence,
      String evidence) {
    this(holder, target, stance, confidence, evidence, null);
  }
}
