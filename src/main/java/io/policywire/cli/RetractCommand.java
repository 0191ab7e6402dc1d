package io.policywire.cli;

import io.policywire.config.PolicywireConfig;
import io.policywire.ingest.ProducerSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policywire retract ID…}: legal takedowns and corrections. */
@Command(name = "retract", mixinStandardHelpOptions = true,
    description = {"Retract articles (legal takedowns, corrections): writes a tombstone for each "
        + "id on the raw topic. The pipeline then deletes the article from "
        + "news.articles.enriched (a tombstone) and takes it out of its story; compaction of the "
        + "raw and enriched topics removes its text.",
        "Retract an article once it has been enriched: a retraction that overtakes the article "
        + "itself is undone by it.",
        "Exit codes: 0 every tombstone written, 2 error."})
public final class RetractCommand implements Callable<Integer> {

  /** Header on the raw tombstone saying why, for audit. */
  public static final String REASON_HEADER = "policywire.retract.reason";

  @Mixin ConfigOptions options;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids to retract.")
  List<String> ids;

  @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "retracted",
      description = "Why, kept in a header of each tombstone (default: ${DEFAULT-VALUE}).")
  String reason;

  @Override
  public Integer call() throws Exception {
    PolicywireConfig config = options.load();
    String topic = config.topics().raw();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        ProducerSettings.of(config), new StringSerializer(), new ByteArraySerializer())) {
      for (String id : ids) {
        ProducerRecord<String, byte[]> tombstone = new ProducerRecord<>(topic, id, null);
        tombstone.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        producer.send(tombstone).get(ProducerSettings.DELIVERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        System.err.printf("retract: tombstone for %s on %s%n", id, topic);
      }
    }
    System.err.printf("retract: %d article(s); the pipeline removes them from %s and %s%n",
        ids.size(), config.topics().enriched(), config.topics().stories());
    return 0;
  }
}
