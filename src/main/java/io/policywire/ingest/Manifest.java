package io.policywire.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.kafka.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata for files, as a producer receives it alongside them: a JSON object whose keys are
 * paths relative to the manifest's directory and whose values give {@code source} and
 * {@code publishedAt}. Example: {@code {"seeds/a.txt": {"source": "AFP", "publishedAt": "…"}}}.
 */
public record Manifest(Path file, Map<Path, Entry> entries) {

  public static final String FILE_NAME = "manifest.json";

  /** The metadata of one file; either field may be null. */
  public record Entry(String source, String publishedAt) {}

  public Manifest {
    file = file.toAbsolutePath().normalize();
    entries = Map.copyOf(entries);
  }

  /** The directory its keys are relative to. */
  public Path baseDir() {
    return file.getParent();
  }

  /** The entry for {@code article}, a path of a file under the manifest's directory. */
  public Optional<Entry> lookup(Path article) {
    return Optional.ofNullable(entries.get(article.toAbsolutePath().normalize()));
  }

  /** Reads a manifest; an unreadable or malformed one is an error naming the file. */
  public static Manifest load(Path file) throws IOException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Utf8.decode(Files.readAllBytes(file)));
    } catch (JsonProcessingException e) {
      throw new IOException("manifest " + file + " is not valid JSON: " + e.getOriginalMessage());
    } catch (BadInputException e) {
      throw new IOException("manifest " + file + " is " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IOException("manifest " + file + " must be a JSON object of path -> metadata");
    }
    return new Manifest(file, entries(file.toAbsolutePath().normalize().getParent(), root));
  }

  private static Map<Path, Entry> entries(Path base, JsonNode root) {
    Map<Path, Entry> entries = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      entries.put(base.resolve(field.getKey()).normalize(),
          new Entry(text(value, "source"), text(value, "publishedAt")));
    }
    return entries;
  }

  private static String text(JsonNode value, String name) {
    JsonNode field = value.get(name);
    return field == null || field.isNull() || !field.isValueNode() ? null : field.asText();
  }
}
