package io.policywire.ingest.feed;

import io.policywire.ingest.ArticleSink;
import io.policywire.ingest.Problem;
import io.policywire.model.RawArticle;

/**
 * Where {@link FeedIngester} puts articles: unlike an {@link ArticleSink}, publishing waits for
 * the destination to acknowledge, so that an item is recorded as seen only once it is stored.
 */
public interface FeedSink {

  /**
   * Publishes one article and waits for its acknowledgement; false when it was not stored (the
   * sink has then reported why).
   */
  boolean publish(RawArticle article);

  /** A feed or item that failed, named by its URL. */
  void problem(Problem problem);

  /** An in-memory sink: an article is acknowledged once {@code sink.article} returns. */
  static FeedSink of(ArticleSink sink) {
    return new FeedSink() {
      @Override
      public boolean publish(RawArticle article) {
        sink.article(article);
        return true;
      }

      @Override
      public void problem(Problem problem) {
        sink.problem(problem);
      }
    };
  }
}
