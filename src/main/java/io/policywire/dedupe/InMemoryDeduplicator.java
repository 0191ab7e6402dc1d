package io.policywire.dedupe;

import io.policywire.model.Dedup;
import io.policywire.model.Story;
import io.policywire.normalize.NormalizedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole de-duplication without Kafka, for {@code annotate}, the evaluation harness and the
 * benchmarks: exact fingerprint cache, band index, confirmation, story decision and story states,
 * in maps. The decisions are those of the topology processing the articles in the given order.
 * Not thread-safe.
 */
public final class InMemoryDeduplicator {

  private final Sketcher sketcher;
  private final SketchFactory factory;
  private final CopyMatcher matcher;
  private final Map<String, SketchFactory.Signature> byFingerprint = new HashMap<>();
  private final Map<String, List<Sketch>> bands = new HashMap<>();
  private final Map<String, StoryState> stories = new TreeMap<>();
  private final StoryLinker linker = new StoryLinker(
      new StoryBook(StoryBook.Table.of(stories), StoryBook.Table.of(new HashMap<>())));

  public InMemoryDeduplicator(DedupeSettings settings) {
    this.sketcher = new Sketcher(settings);
    this.factory = new SketchFactory(sketcher);
    this.matcher = new CopyMatcher(sketcher);
  }

  public Dedup decide(NormalizedArticle article, Instant seenAt) {
    String folded = ContentFingerprint.fold(article.text());
    String fingerprint = ContentFingerprint.ofFolded(folded);
    SketchFactory.Signature signature =
        byFingerprint.computeIfAbsent(fingerprint, f -> factory.signatureOfFolded(folded));
    Sketch sketch = factory.sketch(article, fingerprint, signature, seenAt);
    StoryAssigner.Decision decision = StoryAssigner.decide(sketch, lookupAndIndex(sketch));
    linker.link(decision.members().copies(), seenAt.toEpochMilli());
    return decision.dedup();
  }

  /** The confirmed copies of the sketch among those indexed, then the sketch indexed. */
  List<Match> lookupAndIndex(Sketch sketch) {
    Map<String, Match> matches = new LinkedHashMap<>();
    for (String band : sketcher.bandKeys(sketch.signature(), sketch.shingles())) {
      List<Sketch> entries = bands.computeIfAbsent(band, b -> new ArrayList<>());
      for (Sketch indexed : entries) {
        if (!indexed.articleId().equals(sketch.articleId())
            && !matches.containsKey(indexed.articleId())) {
          Match match = matcher.confirm(sketch, indexed);
          if (match != null) {
            matches.put(indexed.articleId(), match);
          }
        }
      }
      entries.removeIf(e -> e.articleId().equals(sketch.articleId()));
      entries.add(sketch.forIndex());
    }
    return new ArrayList<>(matches.values());
  }

  /** Every live story, by story id. */
  public Map<String, Story> stories() {
    Map<String, Story> live = new TreeMap<>();
    stories.forEach((id, state) -> live.put(id, state.toStory()));
    return live;
  }
}
