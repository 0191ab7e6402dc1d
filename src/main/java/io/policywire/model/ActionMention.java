package io.policywire.model;

import java.util.List;

/** A regulatory action reported in an article. */
public record ActionMention(
    String id,
    String type,
    String authority,
    List<String> targets,
    String jurisdiction,
    String date,
    String evidence) {

  public ActionMention {
    targets = targets == null ? List.of() : List.copyOf(targets);
  }
}
