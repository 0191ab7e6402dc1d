package io.policywire.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The band results of an article gathered so far, until every band has answered. */
public record PendingDecision(int bands, Set<Integer> answered, List<Match> matches) {

  public PendingDecision {
    answered = answered == null ? Set.of() : Set.copyOf(answered);
    matches = matches == null ? List.of() : List.copyOf(matches);
  }

  public static PendingDecision start(int bands) {
    return new PendingDecision(bands, Set.of(), List.of());
  }

  /** Adds one group of bands' result; a band answering twice (a replay) counts once. */
  public PendingDecision with(BandResult result) {
    Set<Integer> nextAnswered = new TreeSet<>(answered);
    nextAnswered.addAll(result.bands());
    List<Match> next = new ArrayList<>(matches);
    for (Match m : result.matches()) {
      if (next.stream().noneMatch(x -> x.articleId().equals(m.articleId()))) {
        next.add(m);
      }
    }
    return new PendingDecision(bands, nextAnswered, next);
  }

  public boolean complete() {
    return answered.size() >= bands;
  }
}
