package io.policywire.ingest;

import io.policywire.model.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns files, directories and JSON lines into {@link RawArticle}s, with no Kafka involved:
 * {@code produce} publishes what it reads, {@code annotate} and the demo enrich it directly.
 *
 * <p>Formats by extension: {@code .txt} (first non-blank line the headline), {@code .html} and
 * {@code .htm} (raw HTML), {@code .json} (one raw-article object), {@code .jsonl} (one per line);
 * {@code -} reads JSON lines from stdin. Directories are walked recursively in sorted order.
 * Each article gets its file's {@code file:} URI as url, the manifest's source and publishedAt
 * where it has none of its own, and a content-derived id ({@link ArticleIds}) when it has none.
 *
 * <p>Every failure is a {@link Problem} for one file or line, delivered to the sink; the rest of
 * the batch goes on. Articles are delivered one at a time, so a huge directory is streamed.
 */
public final class ArticleReader {

  /** The input name that means "JSON lines on standard input". */
  public static final String STDIN = "-";

  private final ReaderOptions options;
  private final Manifest explicitManifest;

  public ArticleReader() {
    this.options = ReaderOptions.defaults();
    this.explicitManifest = null;
  }

  /** Reads the explicit manifest now, so that a bad one fails before any input is read. */
  public ArticleReader(ReaderOptions options) throws IOException {
    this.options = options;
    this.explicitManifest = options.manifest() == null ? null : Manifest.load(options.manifest());
  }

  /** Reads every input in order: paths, or {@link #STDIN} for JSON lines from {@code stdin}. */
  public void read(List<String> inputs, InputStream stdin, ArticleSink sink) {
    ManifestFinder manifests = new ManifestFinder(explicitManifest, sink);
    for (String input : inputs) {
      if (STDIN.equals(input)) {
        readJsonLines(stdin, "<stdin>", null, Optional.empty(), sink);
      } else {
        readPath(Path.of(input), manifests, sink);
      }
    }
  }

  /** Reads one file or directory. */
  public void read(Path input, ArticleSink sink) {
    readPath(input, new ManifestFinder(explicitManifest, sink), sink);
  }

  /** Reads JSON lines from a stream (stdin, a socket, a test), naming problems {@code name:line}. */
  public void readJsonLines(InputStream in, String name, ArticleSink sink) {
    readJsonLines(in, name, null, Optional.empty(), sink);
  }

  /** Reads paths into memory: for a few files, not for a corpus. */
  public ReadResult readAll(Path... inputs) {
    return ReadResult.collect(sink -> {
      ManifestFinder manifests = new ManifestFinder(explicitManifest, sink);
      Arrays.stream(inputs).forEach(input -> readPath(input, manifests, sink));
    });
  }

  /** Like {@link #read(List, InputStream, ArticleSink)}, into memory. */
  public ReadResult readAll(List<String> inputs, InputStream stdin) {
    return ReadResult.collect(sink -> read(inputs, stdin, sink));
  }

  private void readPath(Path input, ManifestFinder manifests, ArticleSink sink) {
    if (Files.isDirectory(input)) {
      Optional<Manifest> manifest = manifests.forDirectory(input);
      FileTree.walk(input, new FileTree.Visitor() {
        @Override
        public void file(Path file) {
          if (isArticleCandidate(file)) {
            readWalkedFile(file, manifest, sink);
          }
        }

        @Override
        public void unreadableDirectory(Path dir, IOException error) {
          sink.problem(new Problem(dir.toString(), "cannot list directory: " + reason(error)));
        }
      });
    } else if (!Files.exists(input)) {
      sink.problem(new Problem(input.toString(), "no such file or directory"));
    } else if (isArticleCandidate(input)) {
      readExplicitFile(input, manifests.forDirectory(directoryOf(input)), sink);
    }
  }

  /** Manifests are metadata, never articles, whatever they are called when given explicitly. */
  private boolean isArticleCandidate(Path file) {
    return !ManifestFinder.isManifest(file)
        && (explicitManifest == null || !explicitManifest.file().equals(absolute(file)));
  }

  private void readWalkedFile(Path file, Optional<Manifest> manifest, ArticleSink sink) {
    Optional<InputFormat> format = InputFormat.of(file);
    if (format.isEmpty()) {
      sink.unknownExtension(file);
    } else {
      readFile(file, format.get(), manifest, sink);
    }
  }

  /** A file named on the command line: an unknown extension is a problem, not a quiet skip. */
  private void readExplicitFile(Path file, Optional<Manifest> manifest, ArticleSink sink) {
    Optional<InputFormat> format = InputFormat.of(file);
    if (format.isEmpty()) {
      sink.problem(new Problem(file.toString(),
          "unknown extension; expected one of " + InputFormat.EXPECTED));
    } else {
      readFile(file, format.get(), manifest, sink);
    }
  }

  private void readFile(Path file, InputFormat format, Optional<Manifest> manifest,
      ArticleSink sink) {
    String url = absolute(file).toUri().toString();
    Optional<Manifest.Entry> meta = manifest.flatMap(m -> m.lookup(file));
    if (format == InputFormat.JSON_LINES) {
      readJsonLinesFile(file, url, meta, sink);
      return;
    }
    try {
      String text = Utf8.decode(readCapped(file));
      sink.article(complete(parse(format, text, url), meta));
    } catch (BadInputException e) {
      sink.problem(new Problem(file.toString(), e.getMessage()));
    } catch (IOException e) {
      sink.problem(new Problem(file.toString(), "cannot read: " + reason(e)));
    }
  }

  private static RawArticle parse(InputFormat format, String text, String url)
      throws BadInputException {
    return switch (format) {
      case TEXT -> TextArticles.parse(text, url);
      case HTML -> HtmlArticles.parse(text, url);
      case JSON -> JsonArticles.parse(text, url);
      case JSON_LINES -> throw new IllegalStateException("JSON lines are read line by line");
    };
  }

  private byte[] readCapped(Path file) throws IOException, BadInputException {
    long size = Files.size(file);
    if (size > options.maxFileBytes()) {
      throw new BadInputException("too large (" + mebibytes(size) + ", the limit is "
          + mebibytes(options.maxFileBytes()) + "); skipped");
    }
    return Files.readAllBytes(file);
  }

  private void readJsonLinesFile(Path file, String url, Optional<Manifest.Entry> meta,
      ArticleSink sink) {
    try (InputStream in = Files.newInputStream(file)) {
      readJsonLines(in, file.toString(), url, meta, sink);
    } catch (IOException e) {
      sink.problem(new Problem(file.toString(), "cannot read: " + reason(e)));
    }
  }

  private void readJsonLines(InputStream in, String name, String url,
      Optional<Manifest.Entry> meta, ArticleSink sink) {
    BoundedLines lines = new BoundedLines(in, options.maxFileBytes());
    try {
      long nonBlank = 0;
      for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
        nonBlank += readJsonLine(line, name, url, meta, sink) ? 1 : 0;
      }
      if (nonBlank == 0) {
        sink.problem(new Problem(name, "empty (no JSON lines)"));
      }
    } catch (IOException e) {
      sink.problem(new Problem(name, "read failed after line " + lines.count() + ": "
          + reason(e)));
    }
  }

  /** False for a blank line (skipped without a word); a line's url is {@code file:…#line=N}. */
  private boolean readJsonLine(BoundedLines.Line line, String name, String url,
      Optional<Manifest.Entry> meta, ArticleSink sink) {
    String where = name + ":" + line.number();
    try {
      if (line.tooLong()) {
        throw new BadInputException("line too long (" + mebibytes(line.length())
            + ", the limit is " + mebibytes(options.maxFileBytes()) + "); skipped");
      }
      String text = Utf8.decode(line.bytes());
      if (text.isBlank()) {
        return false;
      }
      String lineUrl = url == null ? null : url + "#line=" + line.number();
      sink.article(complete(JsonArticles.parse(text, lineUrl), meta));
    } catch (BadInputException e) {
      sink.problem(new Problem(where, e.getMessage()));
    }
    return true;
  }

  /** Manifest metadata under the article's own fields, then the id. */
  private static RawArticle complete(RawArticle article, Optional<Manifest.Entry> meta) {
    RawArticle withMeta = meta
        .map(m -> article.withMetadata(m.source(), m.publishedAt()))
        .orElse(article);
    return ArticleIds.ensureId(withMeta);
  }

  private static Path directoryOf(Path file) {
    Path parent = absolute(file).getParent();
    return parent == null ? absolute(file) : parent;
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
