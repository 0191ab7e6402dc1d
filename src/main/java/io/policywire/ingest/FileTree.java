package io.policywire.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Walks a directory depth-first in a stable order (children sorted by name), skipping hidden
 * files and directories (names starting with a dot) and not entering a directory twice through
 * symbolic links. Only one directory's listing is held in memory at a time per level.
 */
final class FileTree {

  /** What the walk meets: regular files, and directories it could not list. */
  interface Visitor {
    void file(Path file);

    void unreadableDirectory(Path dir, IOException error);
  }

  private FileTree() {}

  static void walk(Path dir, Visitor visitor) {
    walk(dir, visitor, new HashSet<>());
  }

  private static void walk(Path dir, Visitor visitor, Set<Path> seen) {
    List<Path> children;
    try {
      if (!seen.add(dir.toRealPath())) {
        return;
      }
      try (Stream<Path> list = Files.list(dir)) {
        children = list.filter(p -> !isHidden(p)).sorted(FileTree::byName).toList();
      }
    } catch (IOException e) {
      visitor.unreadableDirectory(dir, e);
      return;
    }
    for (Path child : children) {
      if (Files.isDirectory(child)) {
        walk(child, visitor, seen);
      } else if (Files.isRegularFile(child)) {
        visitor.file(child);
      }
    }
  }

  static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static int byName(Path a, Path b) {
    return a.getFileName().toString().compareTo(b.getFileName().toString());
  }
}
