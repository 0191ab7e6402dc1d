package io.policywire.dedupe;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a clean text into what near-duplicate detection compares: the distinct hashes of its
 * word shingles (text folded as for the exact fingerprint), a SuperMinHash signature over them
 * (hash4j), and the LSH band keys of that signature. Thread-safe.
 */
public final class Sketcher {

  private static final Hasher64 HASHER = Hashing.komihash5_0();
  private static final int BITS_PER_COMPONENT = 16;

  private final DedupeSettings settings;
  private final SimilarityHashPolicy policy;
  private final ThreadLocal<SimilarityHasher> hasher;

  public Sketcher(DedupeSettings settings) {
    this.settings = settings;
    this.policy = com.dynatrace.hash4j.similarity.SimilarityHashing.superMinHash(
        settings.components(), BITS_PER_COMPONENT);
    this.hasher = ThreadLocal.withInitial(policy::createHasher);
  }

  public DedupeSettings settings() {
    return settings;
  }

  /** Distinct shingle hashes, sorted; one shingle of all words when there are fewer than k. */
  public long[] shingles(String text) {
    return shinglesOfFolded(ContentFingerprint.fold(text));
  }

  /** {@link #shingles} of a text already {@linkplain ContentFingerprint#fold folded}. */
  long[] shinglesOfFolded(String folded) {
    if (folded.isEmpty()) {
      return new long[0];
    }
    String[] words = folded.split(" ");
    long[] wordHashes = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      wordHashes[i] = HASHER.hashCharsToLong(words[i]);
    }
    int k = Math.min(settings.shingleSize(), words.length);
    long[] shingles = new long[words.length - k + 1];
    for (int i = 0; i < shingles.length; i++) {
      long h = wordHashes[i];
      for (int j = 1; j < k; j++) {
        h = HASHER.hashLongLongToLong(h, wordHashes[i + j]);
      }
      shingles[i] = h;
    }
    Arrays.sort(shingles);
    int distinct = 0;
    for (int i = 0; i < shingles.length; i++) {
      if (i == 0 || shingles[i] != shingles[i - 1]) {
        shingles[distinct++] = shingles[i];
      }
    }
    return Arrays.copyOf(shingles, distinct);
  }

  public byte[] signature(long[] shingles) {
    return hasher.get().compute(ElementHashProvider.ofValues(shingles));
  }

  /** The signature of a text with no shingles is never compared: it has no band keys. */
  public List<String> bandKeys(byte[] signature, int shingleCount) {
    if (shingleCount == 0) {
      return List.of();
    }
    List<String> keys = new ArrayList<>(settings.bands());
    StringBuilder key = new StringBuilder();
    for (int band = 0; band < settings.bands(); band++) {
      key.setLength(0);
      key.append(band < 10 ? "0" : "").append(band).append('-');
      for (int row = 0; row < settings.rowsPerBand(); row++) {
        long component = policy.getComponent(signature, band * settings.rowsPerBand() + row);
        String hex = Long.toHexString(component);
        key.append("0000", hex.length(), 4).append(hex);
      }
      keys.add(key.toString());
    }
    return keys;
  }

  /** The estimated Jaccard similarity of the shingle sets behind two signatures. */
  public double jaccard(byte[] a, byte[] b) {
    return policy.getFractionOfEqualComponents(a, b);
  }

  /**
   * The estimated share of the smaller set found in the larger: from Jaccard J and the sizes,
   * |A ∩ B| = J (|A| + |B|) / (1 + J).
   */
  public static double containment(double jaccard, int sizeA, int sizeB) {
    int smaller = Math.min(sizeA, sizeB);
    if (smaller == 0) {
      return 0;
    }
    double intersection = jaccard * (sizeA + sizeB) / (1 + jaccard);
    return Math.min(1.0, intersection / smaller);
  }
}
