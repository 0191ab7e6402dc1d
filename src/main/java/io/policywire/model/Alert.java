package io.policywire.model;

import java.util.List;

/**
 * The value of {@code news.alerts}, key = action id: sent once when an action is first seen
 * ({@code reason} NEW) and once each time its status moves on ({@code STATUS_CHANGE}).
 *
 * @param previousStatus the status before a change; null for a new action
 * @param articleId the article that caused the alert
 * @param background the action is dated more than 30 days before that article was published: a
 *     look back, not news (subscribers may filter these out)
 * @param rules the ids of the alert rules ({@code news.alert-rules}) the alert matched when sent
 */
public record Alert(
    String id,
    String type,
    String authority,
    List<String> targets,
    String jurisdiction,
    String date,
    String reason,
    String status,
    String previousStatus,
    String evidence,
    String articleId,
    String publishedAt,
    boolean background,
    List<String> rules) {

  public static final String NEW = "NEW";
  public static final String STATUS_CHANGE = "STATUS_CHANGE";

  public Alert {
    targets = targets == null ? List.of() : List.copyOf(targets);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  public Alert withRules(List<String> matched) {
    return new Alert(id, type, authority, targets, jurisdiction, date, reason, status,
        previousStatus, evidence, articleId, publishedAt, background, matched);
  }
}
