package io.policywire.dedupe;

import io.policywire.model.Story;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything known about one story: each copy with its source, origin and dates, and, once the
 * story was retired into another, which articles left it. The contract's {@link Story} is derived
 * from it: the canonical copy is the earliest published one (ties: smaller article id). Adding a
 * copy already present replaces it, so replays change nothing; a copy that left for another story
 * is not taken back.
 *
 * @param touchedAt epoch millis of the last record that changed it, for expiry
 */
public record StoryState(String storyId, List<StoryCopy> copies, String retiredInto,
    Set<String> retiredIds, long touchedAt) {

  public StoryState {
    copies = copies == null ? List.of() : List.copyOf(copies);
    retiredIds = retiredIds == null ? Set.of() : Set.copyOf(new TreeSet<>(retiredIds));
  }

  public static StoryState empty(String storyId) {
    return new StoryState(storyId, List.of(), null, Set.of(), 0);
  }

  /** A story with at least one copy; otherwise it has nothing to publish. */
  public boolean live() {
    return !copies.isEmpty();
  }

  public StoryState apply(StoryUpdate update, long timestamp) {
    return update.isRetirement()
        ? retire(update.retiredInto(), update.copies(), timestamp)
        : with(update.copies(), timestamp);
  }

  public StoryState with(List<StoryCopy> added, long timestamp) {
    List<StoryCopy> next = new ArrayList<>(copies);
    for (StoryCopy copy : added) {
      if (retiredIds.contains(copy.articleId())) {
        continue;
      }
      next.removeIf(c -> c.articleId().equals(copy.articleId()));
      next.add(copy);
    }
    return new StoryState(storyId, next, retiredInto, retiredIds, timestamp);
  }

  public StoryState retire(String into, List<StoryCopy> leaving, long timestamp) {
    Set<String> ids = new TreeSet<>(retiredIds);
    leaving.forEach(c -> ids.add(c.articleId()));
    List<StoryCopy> next = copies.stream().filter(c -> !ids.contains(c.articleId())).toList();
    return new StoryState(storyId, next, into, ids, timestamp);
  }

  public Story toStory() {
    List<StoryCopy> ordered = new ArrayList<>(copies);
    ordered.sort(Comparator.comparing(StoryCopy::when).thenComparing(StoryCopy::articleId));
    StoryCopy canonical = ordered.get(0);
    LinkedHashSet<String> sources = new LinkedHashSet<>();
    ordered.stream().map(StoryCopy::source).filter(StoryState::present).forEach(sources::add);
    LinkedHashSet<String> origins = new LinkedHashSet<>();
    ordered.stream().map(StoryCopy::origin).filter(StoryState::present).forEach(origins::add);
    // an uncredited copy is taken to copy the canonical's origin (its credit, else its outlet)
    Set<String> independent = new TreeSet<>(origins);
    independent.add(present(canonical.origin()) ? canonical.origin()
        : present(canonical.source()) ? canonical.source() : canonical.articleId());
    List<Story.Copy> listed = ordered.stream().map(c -> new Story.Copy(c.articleId(), c.title(),
        c.source(), c.origin(), c.publishedAt())).toList();
    return new Story(storyId, canonical.articleId(), canonical.title(),
        ordered.stream().map(StoryCopy::articleId).toList(), List.copyOf(sources),
        canonical.when().toString(), ordered.get(ordered.size() - 1).when().toString(),
        listed, List.copyOf(origins), independent.size(), ordered.size());
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
