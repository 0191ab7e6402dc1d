package io.policywire.ingest.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A feeds file: one URL per line; blank lines and {@code #} comments ignored. */
public final class FeedList {

  private FeedList() {}

  public static List<String> read(Path file) throws IOException {
    List<String> urls = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int hash = line.indexOf('#');
      String url = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (!url.isEmpty()) {
        urls.add(url);
      }
    }
    return urls;
  }

  /** The URLs in order, each once. */
  public static List<String> distinct(List<String> urls) {
    return List.copyOf(new LinkedHashSet<>(urls));
  }
}
