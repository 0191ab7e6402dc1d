package io.policywire.dedupe;

import io.policywire.model.Story;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything known about one story: each copy with its source, origin and dates. The contract's
 * {@link Story} is derived from it: the canonical copy is the earliest published one (ties: the
 * smaller article id), and the story id is derived from the canonical copy's id.
 *
 * @param touchedAt epoch millis of the last record that changed it, for expiry
 */
public record StoryState(String storyId, List<StoryCopy> copies, long touchedAt) {

  private static final Comparator<StoryCopy> CANONICAL_ORDER =
      Comparator.comparing(StoryCopy::when).thenComparing(StoryCopy::articleId);

  public StoryState {
    copies = copies == null ? List.of() : List.copyOf(copies);
  }

  /** The story of these copies (at least one; each article once), id from its canonical copy. */
  public static StoryState of(List<StoryCopy> copies, long timestamp) {
    List<StoryCopy> ordered = new ArrayList<>(copies);
    ordered.sort(CANONICAL_ORDER);
    return new StoryState(StoryAssigner.storyIdOf(ordered.get(0).articleId()), ordered,
        timestamp);
  }

  public Story toStory() {
    List<StoryCopy> ordered = new ArrayList<>(copies);
    ordered.sort(CANONICAL_ORDER);
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
