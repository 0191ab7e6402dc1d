package io.policywire.jmh;

import io.policywire.model.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The seed articles of the shared corpus as raw articles, read in place for the benchmarks. */
public final class BenchmarkCorpus {

  public static final Path SEEDS = Path.of("../shared/corpus/seeds");

  private BenchmarkCorpus() {}

  /** Every seed file as a plain-text raw article: first line headline, the rest body. */
  public static List<RawArticle> seeds() {
    try (Stream<Path> files = Files.list(SEEDS)) {
      List<RawArticle> articles = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int newline = content.indexOf('\n');
        String name = file.getFileName().toString();
        articles.add(new RawArticle(name, file.toUri().toString(), "seed",
            content.substring(0, newline).trim(), content.substring(newline + 1),
            RawArticle.TEXT_PLAIN, null, null));
      }
      if (articles.isEmpty()) {
        throw new IllegalStateException("no seed articles in " + SEEDS.toAbsolutePath());
      }
      return articles;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus at " + SEEDS.toAbsolutePath(), e);
    }
  }

  /** UTF-8 bytes of title and body, the unit the MB/s figures are quoted in. */
  public static long bytes(List<RawArticle> articles) {
    long total = 0;
    for (RawArticle a : articles) {
      total += a.title().getBytes(StandardCharsets.UTF_8).length
          + a.body().getBytes(StandardCharsets.UTF_8).length;
    }
    return total;
  }
}
