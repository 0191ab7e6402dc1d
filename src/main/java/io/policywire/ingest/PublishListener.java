package io.policywire.ingest;

import io.policywire.model.RawArticle;
import java.nio.file.Path;

/** What {@link ArticlePublisher} tells its user as it goes; the console one prints to stderr. */
public interface PublishListener {

  /** An input that was not read, or an article the broker did not take. May come from the
   *  producer's I/O thread. */
  void problem(Problem problem);

  /** A file skipped for its extension while walking a directory. */
  default void unknownExtension(Path file) {}

  /** An article the broker acknowledged; called on the producer's I/O thread. */
  default void published(RawArticle article) {}

  /** Called after every send; listeners decide how often to show it. */
  default void progress(PublishStats stats) {}
}
