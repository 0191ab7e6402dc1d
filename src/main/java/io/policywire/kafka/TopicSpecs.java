package io.policywire.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.config.TopicNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the topics of the contract from their definitions: {@code topics/} on the
 * classpath (packed into the jar from the repository's {@code topics/}) or a directory given by
 * the user. Every file is checked, and a bad one is named in the error.
 */
public final class TopicSpecs {

  private TopicSpecs() {}

  /** The definitions shipped in the jar, with the deployment's prefix applied. */
  public static List<TopicSpec> fromClasspath(TopicNames names) {
    List<TopicSpec> specs = new ArrayList<>();
    for (String topic : TopicNames.ALL) {
      String resource = "/topics/" + topic + ".json";
      try (InputStream in = TopicSpecs.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("topic definition " + resource + " missing from the jar");
        }
        specs.add(parse(Json.MAPPER.readTree(in), resource, topic).withName(names.of(topic)));
      } catch (IOException e) {
        throw new IllegalArgumentException(resource + ": not valid JSON: " + e.getMessage(), e);
      }
    }
    return specs;
  }

  /** The definitions in {@code dir} ({@code <topic>.json} for each topic of the contract). */
  public static List<TopicSpec> fromDirectory(Path dir, TopicNames names) {
    List<TopicSpec> specs = new ArrayList<>();
    for (String topic : TopicNames.ALL) {
      Path file = dir.resolve(topic + ".json");
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("topic definition " + file + " not found");
      }
      try {
        specs.add(parse(Json.MAPPER.readTree(file.toFile()), file.toString(), topic)
            .withName(names.of(topic)));
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
      }
    }
    return specs;
  }

  static TopicSpec parse(JsonNode json, String where, String expectedName) {
    String name = text(json, "name", where);
    if (!name.equals(expectedName)) {
      throw new IllegalArgumentException(where + ": name is '" + name + "', expected '"
          + expectedName + "' (the file name and the topic name must agree)");
    }
    int partitions = positive(json, "partitions", where);
    int rf = positive(json, "replicationFactor", where);
    Map<String, String> config = new LinkedHashMap<>();
    JsonNode configNode = json.path("config");
    if (!configNode.isMissingNode() && !configNode.isObject()) {
      throw new IllegalArgumentException(where + ": config must be an object of strings");
    }
    configNode.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException(where + ": config." + e.getKey()
            + " must be a string, as Kafka topic configs are");
      }
      config.put(e.getKey(), e.getValue().asText());
    });
    String minIsr = config.get(TopicSpec.MIN_ISR);
    if (minIsr != null && !minIsr.matches("[1-9][0-9]{0,3}")) {
      throw new IllegalArgumentException(where + ": min.insync.replicas must be a whole number >= 1");
    }
    if (minIsr != null && Integer.parseInt(minIsr) > rf) {
      throw new IllegalArgumentException(where + ": min.insync.replicas " + minIsr
          + " exceeds replicationFactor " + rf);
    }
    return new TopicSpec(name, json.path("description").asText(""), partitions, rf, config);
  }

  private static String text(JsonNode json, String field, String where) {
    JsonNode n = json.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": '" + field + "' must be a non-empty string");
    }
    return n.asText();
  }

  private static int positive(JsonNode json, String field, String where) {
    JsonNode n = json.get(field);
    if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
      throw new IllegalArgumentException(where + ": '" + field + "' must be a whole number >= 1");
    }
    return n.asInt();
  }
}
