package io.policywire.model;

import java.util.List;

/**
 * A regulatory action reported in an article.
 *
 * @param id the action's stable id, shared by every article reporting the same action
 * @param status PROPOSED, ENACTED, CHALLENGED, BLOCKED or REVOKED, as this article reports it
 * @param affects for a revocation or a court ruling: the id of the action it revokes or blocks,
 *     when the article reports that action too; else null
 */
public record ActionMention(
    String id,
    String type,
    String authority,
    List<String> targets,
    String jurisdiction,
    String date,
    String evidence,
    String status,
    String affects) {

  public ActionMention {
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  public ActionMention(String id, String type, String authority, List<String> targets,
      String jurisdiction, String date, String evidence) {
    this(id, type, authority, targets, jurisdiction, date, evidence, null, null);
  }
}
