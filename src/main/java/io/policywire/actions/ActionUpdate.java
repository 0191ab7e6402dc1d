package io.policywire.actions;

import io.policywire.model.ActionMention;

/**
 * One article's report of one action, on its way to the action's record (key action id); or,
 * with {@code retracted} set, the withdrawal of that report (the article was retracted, or
 * re-enriched without the action), whose {@code mention} holds the evidence to take back.
 */
public record ActionUpdate(String articleId, String publishedAt, ActionMention mention,
    boolean retracted) {

  public ActionUpdate(String articleId, String publishedAt, ActionMention mention) {
    this(articleId, publishedAt, mention, false);
  }
}
