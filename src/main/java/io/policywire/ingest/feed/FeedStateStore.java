package io.policywire.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.policywire.kafka.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One JSON file per feed in a directory, named after the feed's host and a hash of its URL
 * ({@code example.org-1a2b3c4d.json}). Saving writes a temporary file beside it, forces it to
 * disk and renames it over the old one, so a crash leaves the old state or the new, never half.
 */
public final class FeedStateStore {

  private final Path dir;

  public FeedStateStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The feed's state, or an empty one for a feed never fetched. */
  public FeedState load(String feedUrl) throws IOException {
    Path file = fileFor(feedUrl);
    if (!Files.exists(file)) {
      return FeedState.empty(feedUrl);
    }
    try {
      FeedState state = Json.MAPPER.readValue(file.toFile(), FeedState.class);
      return state.feedUrl() == null ? FeedState.empty(feedUrl) : state;
    } catch (JsonProcessingException e) {
      throw new IOException("state file " + file + " is not readable (" + e.getOriginalMessage()
          + "); delete it to start the feed afresh", e);
    }
  }

  public void save(FeedState state) throws IOException {
    Files.createDirectories(dir);
    Path file = fileFor(state.feedUrl());
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(json);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  Path fileFor(String feedUrl) {
    String host;
    try {
      host = URI.create(feedUrl).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    String safeHost = host == null ? "feed"
        : host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
    return dir.resolve(safeHost + "-" + hash(feedUrl) + ".json");
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
