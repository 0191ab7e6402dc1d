package io.policywire.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The input formats {@code produce} reads, chosen by file extension. */
enum InputFormat {
  TEXT, HTML, JSON, JSON_LINES;

  static final String EXPECTED = ".txt, .html, .htm, .json, .jsonl";

  static Optional<InputFormat> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return switch (ext) {
      case "txt" -> Optional.of(TEXT);
      case "html", "htm" -> Optional.of(HTML);
      case "json" -> Optional.of(JSON);
      case "jsonl" -> Optional.of(JSON_LINES);
      default -> Optional.empty();
    };
  }
}
