package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.RawArticle;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.normalize.Normalizer;
import io.policywire.serve.StageMetrics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Reads {@code news.articles.raw} (key article id, value raw-article JSON) and cleans each
 * article. Values are read as bytes and parsed here, inside the processor, so that a record
 * that is not JSON fails the same way as one that breaks a rule of the contract: the processing
 * exception handler sends it to {@code news.articles.dlq} untouched, with the reason.
 */
final class NormalizeStage {

  static final String SOURCE = "raw-source";
  static final String NORMALIZE = "normalize";

  private NormalizeStage() {}

  static KStream<String, NormalizedArticle> build(StreamsBuilder builder, PolicywireConfig config,
      StageMetrics metrics) {
    Normalizer normalizer = new Normalizer(config.maxArticleBytes());
    return builder
        .stream(config.topics().raw(), Consumed.with(AppSerdes.KEY, Serdes.ByteArray())
            .withName(SOURCE))
        .mapValues(bytes -> {
          metrics.articleIn();
          return metrics.time(NORMALIZE, () -> normalizer.normalize(parse(bytes)));
        }, Named.as(NORMALIZE));
  }

  private static RawArticle parse(byte[] bytes) {
    return AppSerdes.RAW_ARTICLE.deserializer().deserialize(null, bytes);
  }
}
