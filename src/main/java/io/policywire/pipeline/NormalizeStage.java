package io.policywire.pipeline;

import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.model.RawArticle;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.normalize.Normalizer;
import io.policywire.normalize.RawRecords;
import io.policywire.serve.StageMetrics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import java.util.Map;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads {@code news.articles.raw} (key article id, value raw-article JSON) and cleans each
 * article. Values are read as bytes and parsed here, inside the processor, so that a record
 * that is not JSON fails the same way as one that breaks a rule of the contract: the processing
 * exception handler sends it to {@code news.articles.dlq} untouched, with the reason.
 */
final class NormalizeStage {

  static final String SOURCE = "raw-source";
  static final String LINEAGE = "lineage";
  static final String SPLIT = "raw-";
  static final String RETRACTIONS = "retractions";
  static final String ARTICLES = "articles";
  static final String NORMALIZE = "normalize";

  private NormalizeStage() {}

  /**
   * The stage's outputs: the articles, cleaned, and the retractions (tombstones on the raw
   * topic, see {@link RetractStage}), key article id, value null.
   */
  record Output(KStream<String, NormalizedArticle> articles,
      KStream<String, byte[]> retractions) {}

  static Output build(StreamsBuilder builder, PolicywireConfig config, Lineage lineage,
      StageMetrics metrics) {
    Normalizer normalizer = new Normalizer(config.maxArticleBytes());
    Map<String, KStream<String, byte[]>> split = builder
        .stream(config.topics().raw(), Consumed.with(AppSerdes.KEY, Serdes.ByteArray())
            .withName(SOURCE))
        .processValues(() -> new Stamp(lineage), Named.as(LINEAGE))
        .split(Named.as(SPLIT))
        .branch((id, bytes) -> bytes == null && id != null, Branched.as(RETRACTIONS))
        .defaultBranch(Branched.as(ARTICLES));
    return new Output(split.get(SPLIT + ARTICLES)
        .mapValues(bytes -> {
          metrics.articleIn();
          return metrics.time(NORMALIZE,
              () -> normalizer.normalize(parse(bytes, config.maxArticleBytes())));
        }, Named.as(NORMALIZE)),
        split.get(SPLIT + RETRACTIONS));
  }

  /** Puts the lineage headers on each raw record as it enters (see {@link Lineage}). */
  private static final class Stamp implements FixedKeyProcessor<String, byte[], byte[]> {

    private final Lineage lineage;
    private FixedKeyProcessorContext<String, byte[]> context;

    Stamp(Lineage lineage) {
      this.lineage = lineage;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
      context.forward(context.recordMetadata()
          .map(raw -> record.withHeaders(lineage.stamp(raw)))
          .orElse(record));
    }
  }

  /** UTF-8 and size checked on the bytes, then JSON; a JSON {@code null} has no value. */
  private static RawArticle parse(byte[] bytes, int maxArticleBytes) {
    return AppSerdes.RAW_ARTICLE.deserializer().deserialize(null,
        RawRecords.check(bytes, maxArticleBytes));
  }
}
