package io.policywire.actions;

import io.policywire.model.ActionMention;
import java.util.List;

/**
 * The actions an article reported, kept ({@code actions-by-article}) to take them back when it
 * is retracted or enriched again.
 */
public record ArticleActions(String publishedAt, List<ActionMention> mentions) {}
