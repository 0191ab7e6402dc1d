package io.policywire.model;

import java.util.List;

/**
 * The value of {@code news.regulatory-actions}: one real-world action, merged across every
 * article that reports it; key = action id.
 *
 * @param date the most precise date any report gave (ISO day, month or year), or null
 * @param evidence the distinct sentences the action rests on, first report first (at most five)
 * @param status where the action stands: PROPOSED, ENACTED, CHALLENGED, BLOCKED or REVOKED;
 *     it only moves forward
 * @param affects the action this one revokes or blocks, when known
 * @param firstSeen publication time of the first report (ISO instant) or null
 * @param lastSeen publication time of the latest report
 */
public record RegulatoryAction(
    String id,
    String type,
    String authority,
    List<String> targets,
    String jurisdiction,
    String date,
    List<String> articleIds,
    List<String> evidence,
    String status,
    String affects,
    String firstSeen,
    String lastSeen) {

  public RegulatoryAction {
    targets = targets == null ? List.of() : List.copyOf(targets);
    articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
