package io.policywire.cli;

import io.policywire.config.ConfigLoader;
import io.policywire.ingest.ArticleReader;
import io.policywire.ingest.ArticleSink;
import io.policywire.ingest.Problem;
import io.policywire.ingest.ReaderOptions;
import io.policywire.kafka.Json;
import io.policywire.model.RawArticle;
import io.policywire.normalize.InvalidArticleException;
import io.policywire.pipeline.Enricher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policywire annotate}: the enrichment of each input as one JSON object per line, with no
 * Kafka at all. Runs the same stage classes as the pipeline; articles given together are
 * de-duplicated against each other.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
    description = {"Print the enrichment of each article as JSON lines, without Kafka.",
        "Exit code: 0 all annotated, 1 some inputs skipped (named on stderr), 2 usage error."})
public final class AnnotateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Files or directories (.txt, .html, .json, .jsonl), or - for JSON lines on "
          + "stdin.")
  List<String> inputs;

  @Option(names = "--manifest", paramLabel = "FILE",
      description = "manifest.json with source and publishedAt per file (default: one found "
          + "beside the inputs or in their parent directory).")
  Path manifest;

  @Override
  public Integer call() throws IOException {
    Enricher enricher = new Enricher(ConfigLoader.defaults(System.getenv()));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int[] skipped = {0};
    ArticleReader reader = new ArticleReader(ReaderOptions.defaults().withManifest(manifest));
    reader.read(inputs, System.in, new ArticleSink() {
      @Override
      public void article(RawArticle article) {
        try {
          out.println(Json.MAPPER.writeValueAsString(enricher.enrich(article)));
        } catch (InvalidArticleException e) {
          skipped[0]++;
          err.println("skipped " + (article.url() != null ? article.url() : article.id()) + ": "
              + e.getMessage());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void problem(Problem problem) {
        skipped[0]++;
        err.println("skipped " + problem);
      }
    });
    out.flush();
    return skipped[0] == 0 ? 0 : 1;
  }
}
