package io.policywire.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the manifest for an input: the explicit one when given, else a {@code manifest.json} in
 * the input's directory, else in that directory's parent (so that pointing at
 * {@code corpus/seeds} finds {@code corpus/manifest.json}). A broken manifest found this way is
 * reported once and ignored. One finder serves one read, and caches what it found.
 */
final class ManifestFinder {

  private final Manifest explicit;
  private final ArticleSink sink;
  private final Map<Path, Optional<Manifest>> byDirectory = new HashMap<>();

  ManifestFinder(Manifest explicit, ArticleSink sink) {
    this.explicit = explicit;
    this.sink = sink;
  }

  /** The manifest for an input directory, or for an input file's directory. */
  Optional<Manifest> forDirectory(Path dir) {
    if (explicit != null) {
      return Optional.of(explicit);
    }
    Path absolute = dir.toAbsolutePath().normalize();
    Optional<Manifest> found = in(absolute);
    if (found.isEmpty() && absolute.getParent() != null) {
      found = in(absolute.getParent());
    }
    return found;
  }

  private Optional<Manifest> in(Path dir) {
    return byDirectory.computeIfAbsent(dir, this::load);
  }

  private Optional<Manifest> load(Path dir) {
    Path file = dir.resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Manifest.load(file));
    } catch (IOException e) {
      sink.problem(new Problem(file.toString(), "ignored: " + e.getMessage()));
      return Optional.empty();
    }
  }

  static boolean isManifest(Path file) {
    return file.getFileName() != null
        && file.getFileName().toString().equals(Manifest.FILE_NAME);
  }
}
