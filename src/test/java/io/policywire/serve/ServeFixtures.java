package io.policywire.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.config.PolicywireConfig;
import io.policywire.kafka.AppSerdes;
import io.policywire.kafka.Json;
import io.policywire.model.RawArticle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Records and HTTP calls the serving tests share. */
final class ServeFixtures {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ServeFixtures() {}

  static HttpResponse<String> get(int port, String pathAndQuery) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + pathAndQuery + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  static KafkaProducer<String, byte[]> producer(PolicywireConfig config) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  static void send(PolicywireConfig config, String topic, String key, Object value)
      throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer(config)) {
      producer.send(new ProducerRecord<>(topic, key, bytes(value))).get();
    }
  }

  static byte[] bytes(Object value) throws IOException {
    if (value instanceof RawArticle raw) {
      return AppSerdes.RAW_ARTICLE.serializer().serialize(null, raw);
    }
    return Json.MAPPER.writeValueAsBytes(value);
  }

  static RawArticle article(String id, String title, String body) {
    return new RawArticle(id, null, "Wire", title, body, null, "2026-11-30T08:00:00Z", null);
  }

  /** A regulatory action as the contract shapes it ({@code news.regulatory-actions}). */
  static Map<String, Object> action(String id, String type, String authority, String target,
      String date, String articleId) {
    return Map.of("id", id, "type", type, "authority", authority, "targets", List.of(target),
        "jurisdiction", "US", "date", date, "articleIds", List.of(articleId),
        "evidence", "The " + authority + " ordered " + target + " to stop.");
  }

  /** The alert for an action ({@code news.alerts}). */
  static Map<String, Object> alert(String id, String type, String authority, String target,
      String date) {
    return Map.of("id", id, "type", type, "authority", authority, "targets", List.of(target),
        "jurisdiction", "US", "date", date);
  }
}
