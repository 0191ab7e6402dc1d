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

  /**
   * Each article wrapped in a page: head with title, site name and a script, navigation, an
   * {@code <article>} with a share bar, the body as paragraphs, related stories and a footer.
   */
  public static List<RawArticle> asPages(List<RawArticle> seeds) {
    List<RawArticle> pages = new ArrayList<>();
    for (RawArticle a : seeds) {
      StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang='en'><head><title>")
          .append(escape(a.title())).append("</title><meta property='og:site_name' content='Bench'>"
              + "<script>var tracking = {page: 'article'};</script></head><body>"
              + "<header><nav><a href='/'>Home</a> <a href='/tech'>Tech</a></nav></header>"
              + "<main><article><h1>").append(escape(a.title())).append("</h1>"
              + "<div class='share-bar'><a href='#'>Share on Twitter</a></div>");
      for (String paragraph : a.body().split("\n\n")) {
        html.append("<p>").append(escape(paragraph)).append("</p>\n");
      }
      html.append("</article><section class='related'><h2>Related</h2><ul><li><a href='/a'>"
          + "Another story</a></li></ul></section></main><footer>© 2024 Bench</footer></body></html>");
      pages.add(new RawArticle(a.id(), a.url(), null, null, html.toString(), RawArticle.TEXT_HTML,
          null, null));
    }
    return pages;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
