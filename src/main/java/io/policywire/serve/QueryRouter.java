package io.policywire.serve;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.policywire.kafka.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Makes any instance answer any query. A key lives in one partition, and its store partition on
 * the instance running that active task; {@code queryMetadataForKey} names that instance's
 * {@code application.server}, and the request is forwarded there over HTTP, marked with
 * {@value #LOCAL_HEADER} so the other side answers from its own stores and never forwards again.
 * A list (recent stories, top entities, actions since) is asked of every instance hosting the
 * store and merged here.
 */
public final class QueryRouter {

  public static final String LOCAL_HEADER = "X-Policywire-Local";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpClient http;

  public QueryRouter(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  public HostInfo self() {
    return self;
  }

  /** An HTTP answer: status, JSON body (or an error message), and who answered. */
  public record Answer(int status, String body, String servedBy) {}

  /** Thrown when a query cannot be answered now (rebalancing, another instance unreachable). */
  public static final class Unavailable extends RuntimeException {
    public Unavailable(String message) {
      super(message);
    }
  }

  /**
   * The answer for one key: from the local store when this instance owns the key (or when the
   * request was already forwarded), else from the owner at the same {@code pathAndQuery}.
   */
  public Answer byKey(String store, String key, boolean forwarded, String pathAndQuery,
      Supplier<Optional<?>> local) {
    requireRunning();
    KeyQueryMetadata meta = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new Unavailable("no instance owns " + store + " yet (starting or rebalancing)");
    }
    HostInfo owner = meta.activeHost();
    if (forwarded || owner.equals(self)) {
      if (!owner.equals(self)) {
        throw new Unavailable(key + " moved to " + hostString(owner) + " while forwarding");
      }
      return local.get().map(v -> new Answer(200, json(v), hostString(self)))
          .orElseGet(() -> new Answer(404, error("not found: " + key), hostString(self)));
    }
    HttpResponse<String> response = get(owner, pathAndQuery);
    return new Answer(response.statusCode(), response.body(), hostString(owner));
  }

  /**
   * Every instance's local answer to {@code pathAndQuery}, merged: this instance's from
   * {@code local}, the others' over HTTP (each a JSON array of {@code type}).
   */
  public <T> List<T> gather(String store, boolean forwarded, String pathAndQuery,
      Supplier<List<T>> local, TypeReference<List<T>> type) {
    requireRunning();
    if (forwarded) {
      return local.get();
    }
    Collection<StreamsMetadata> hosts = streams.streamsMetadataForStore(store);
    List<T> all = new ArrayList<>();
    boolean selfIncluded = false;
    for (StreamsMetadata host : hosts) {
      if (host.hostInfo().equals(self)) {
        selfIncluded = true;
        all.addAll(local.get());
      } else {
        HttpResponse<String> response = get(host.hostInfo(), pathAndQuery);
        if (response.statusCode() != 200) {
          throw new Unavailable(hostString(host.hostInfo()) + " answered "
              + response.statusCode() + ": " + response.body());
        }
        all.addAll(read(response.body(), type));
      }
    }
    if (!selfIncluded && hosts.isEmpty()) {
      // no metadata yet (a single instance still starting): its own stores are the whole answer
      all.addAll(local.get());
    }
    return all;
  }

  private void requireRunning() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
      throw new Unavailable("the pipeline is " + state);
    }
  }

  /** The instances of this application and the stores each hosts, as this instance sees them. */
  public List<Object> instances() {
    List<Object> out = new ArrayList<>();
    for (StreamsMetadata m : streams.metadataForAllStreamsClients()) {
      out.add(java.util.Map.of("host", hostString(m.hostInfo()), "self", m.hostInfo().equals(self),
          "stores", new java.util.TreeSet<>(m.stateStoreNames()),
          "partitions", m.topicPartitions().stream().map(Object::toString).sorted().toList()));
    }
    return out;
  }

  private HttpResponse<String> get(HostInfo host, String pathAndQuery) {
    URI uri = URI.create("http://" + hostString(host) + pathAndQuery);
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
          .header(LOCAL_HEADER, "true").GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unavailable("instance " + hostString(host) + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted asking " + hostString(host));
    }
  }

  static String hostString(HostInfo h) {
    return h.host() + ":" + h.port();
  }

  static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static String error(String message) {
    return json(java.util.Map.of("error", message));
  }

  private static <T> List<T> read(String body, TypeReference<List<T>> type) {
    try {
      JavaType javaType = Json.MAPPER.getTypeFactory().constructType(type);
      return Json.MAPPER.readValue(body, javaType);
    } catch (IOException e) {
      throw new Unavailable("unreadable answer from another instance: " + e.getMessage());
    }
  }
}
