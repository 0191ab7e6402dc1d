package io.policywire.dedupe;

import io.policywire.model.Dedup;
import io.policywire.normalize.NormalizedArticle;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The exact-duplicate decision, as plain Java over an index of fingerprints (a map for
 * {@code annotate}, a state store in the topology). The first article with a fingerprint founds
 * a story whose id is derived from the fingerprint; later ones are its copies. An earlier
 * published copy arriving late becomes the canonical one. Re-delivering an article gives the
 * same decision, so at-least-once replays change nothing.
 *
 * <p>The canonical copy is not a duplicate: {@code duplicateOf} null, method {@code none},
 * similarity 0. A copy has {@code duplicateOf} = the canonical id, method {@code exact},
 * similarity 1.
 */
public final class ExactDeduplicator {

  /** Where fingerprints are remembered: a map, or a state store, through their get and put. */
  public interface Index {
    FingerprintEntry get(String fingerprint);

    void put(String fingerprint, FingerprintEntry entry);

    static Index of(Function<String, FingerprintEntry> get,
        BiConsumer<String, FingerprintEntry> put) {
      return new Index() {
        @Override
        public FingerprintEntry get(String fingerprint) {
          return get.apply(fingerprint);
        }

        @Override
        public void put(String fingerprint, FingerprintEntry entry) {
          put.accept(fingerprint, entry);
        }
      };
    }
  }

  private final Index index;

  public ExactDeduplicator(Index index) {
    this.index = index;
  }

  /** A deduplicator over an in-memory map, for batch use without Kafka. */
  public static ExactDeduplicator inMemory() {
    Map<String, FingerprintEntry> map = new HashMap<>();
    return new ExactDeduplicator(Index.of(map::get, map::put));
  }

  public static String storyId(String fingerprint) {
    return "s" + fingerprint.substring(0, 16);
  }

  public Dedup decide(String fingerprint, NormalizedArticle article) {
    FingerprintEntry entry = index.get(fingerprint);
    if (entry == null) {
      entry = new FingerprintEntry(storyId(fingerprint), article.id(), article.publishedAt());
      index.put(fingerprint, entry);
      return canonical(entry);
    }
    if (entry.canonicalId().equals(article.id())) {
      return canonical(entry);
    }
    if (publishedEarlier(article.publishedAt(), entry.canonicalPublishedAt())) {
      entry = new FingerprintEntry(entry.storyId(), article.id(), article.publishedAt());
      index.put(fingerprint, entry);
      return canonical(entry);
    }
    return new Dedup(entry.storyId(), entry.canonicalId(), entry.canonicalId(), 1.0, Dedup.EXACT);
  }

  /** The canonical copy is not a duplicate: no duplicateOf, method none, similarity 0. */
  private static Dedup canonical(FingerprintEntry entry) {
    return new Dedup(entry.storyId(), entry.canonicalId(), null, 0.0, Dedup.NONE);
  }

  /** An unknown date is never earlier. */
  private static boolean publishedEarlier(String candidate, String current) {
    return candidate != null
        && (current == null || Instant.parse(candidate).isBefore(Instant.parse(current)));
  }
}
