package io.policywire.ingest.feed;

import io.policywire.ingest.ArticlePublisher;
import io.policywire.ingest.Problem;
import io.policywire.ingest.PublishListener;
import io.policywire.ingest.PublishStats;
import io.policywire.model.RawArticle;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FeedSink} on the idempotent Kafka producer of {@link ArticlePublisher}: publishing
 * sends the article and flushes, and the article counts as stored when the producer's
 * acknowledgement arrived. Give the publisher {@link #listener(PublishListener)}, then
 * {@link #attach} the publisher.
 */
public final class PublisherFeedSink implements FeedSink {

  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private ArticlePublisher publisher;

  /** {@code console}, also telling this sink which articles the broker acknowledged. */
  public PublishListener listener(PublishListener console) {
    return new PublishListener() {
      @Override
      public void problem(Problem problem) {
        console.problem(problem);
      }

      @Override
      public void published(RawArticle article) {
        acknowledged.add(article.id());
        console.published(article);
      }

      @Override
      public void unknownExtension(Path file) {
        console.unknownExtension(file);
      }

      @Override
      public void progress(PublishStats stats) {
        console.progress(stats);
      }
    };
  }

  public void attach(ArticlePublisher articlePublisher) {
    this.publisher = articlePublisher;
  }

  @Override
  public boolean publish(RawArticle article) {
    acknowledged.remove(article.id());
    publisher.article(article);
    publisher.finish();
    return acknowledged.remove(article.id());
  }

  @Override
  public void problem(Problem problem) {
    publisher.problem(problem);
  }
}
