package io.policywire.ingest;

import io.policywire.model.RawArticle;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where {@link ArticleReader} delivers what it reads, one item at a time, so that a huge directory
 * is streamed rather than held in memory. Implementations: {@link ReadResult#collect} for callers
 * that want a list, the publisher for {@code produce}.
 */
public interface ArticleSink {

  /** An article read, with its id, url and manifest metadata filled in. */
  void article(RawArticle article);

  /** An input (file or line) that was skipped because it could not be read. */
  void problem(Problem problem);

  /** A file met while walking a directory whose extension no reader handles; not an error. */
  default void unknownExtension(Path file) {}

  /** This sink, with {@code observer} shown each article first (e.g. to remember its id). */
  default ArticleSink peek(Consumer<RawArticle> observer) {
    ArticleSink target = this;
    return new ArticleSink() {
      @Override
      public void article(RawArticle article) {
        observer.accept(article);
        target.article(article);
      }

      @Override
      public void problem(Problem problem) {
        target.problem(problem);
      }

      @Override
      public void unknownExtension(Path file) {
        target.unknownExtension(file);
      }
    };
  }
}
