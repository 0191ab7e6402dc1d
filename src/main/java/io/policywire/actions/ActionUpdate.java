package io.policywire.actions;

import io.policywire.model.ActionMention;

/** One article's report of one action, on its way to the action's record (key action id). */
public record ActionUpdate(String articleId, String publishedAt, ActionMention mention) {}
