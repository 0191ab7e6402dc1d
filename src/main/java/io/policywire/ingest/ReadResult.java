package io.policywire.ingest;

import io.policywire.model.RawArticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything a read produced, held in memory: the articles in input order, the problems, and the
 * files skipped for their extension. For callers that read a handful of files ({@code annotate},
 * the demo, tests); {@code produce} streams through an {@link ArticleSink} instead.
 */
public record ReadResult(List<RawArticle> articles, List<Problem> problems, List<Path> unknown) {

  public ReadResult {
    articles = List.copyOf(articles);
    problems = List.copyOf(problems);
    unknown = List.copyOf(unknown);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Runs {@code reading} against a collecting sink and returns what it collected. */
  public static ReadResult collect(Consumer<ArticleSink> reading) {
    List<RawArticle> articles = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Path> unknown = new ArrayList<>();
    reading.accept(new ArticleSink() {
      @Override
      public void article(RawArticle article) {
        articles.add(article);
      }

      @Override
      public void problem(Problem problem) {
        problems.add(problem);
      }

      @Override
      public void unknownExtension(Path file) {
        unknown.add(file);
      }
    });
    return new ReadResult(articles, problems, unknown);
  }
}
