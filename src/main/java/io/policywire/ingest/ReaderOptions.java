package io.policywire.ingest;

import java.nio.file.Path;

/**
 * How {@link ArticleReader} reads.
 *
 * @param manifest an explicit manifest for every input, or null to look for {@code manifest.json}
 *     in each input's directory and its parent
 * @param maxFileBytes the largest file read whole (and the longest line of a JSON-lines input);
 *     bigger inputs are reported and skipped so that a stray huge file cannot exhaust memory
 */
public record ReaderOptions(Path manifest, int maxFileBytes) {

  public static final int DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

  public ReaderOptions {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be positive, not " + maxFileBytes);
    }
  }

  public static ReaderOptions defaults() {
    return new ReaderOptions(null, DEFAULT_MAX_FILE_BYTES);
  }

  public ReaderOptions withManifest(Path file) {
    return new ReaderOptions(file, maxFileBytes);
  }

  public ReaderOptions withMaxFileBytes(int bytes) {
    return new ReaderOptions(manifest, bytes);
  }
}
