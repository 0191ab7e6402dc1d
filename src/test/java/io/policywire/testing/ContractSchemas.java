package io.policywire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.policywire.kafka.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the contract, {@code topics/<topic>.schema.json}, read from the project
 * directory (the committed files, not a copy), and validation of record values against them.
 */
public final class ContractSchemas {

  public static final Path DIR = Path.of("topics");
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

  private ContractSchemas() {}

  public static Path file(String contractTopic) {
    return DIR.resolve(contractTopic + ".schema.json");
  }

  public static JsonNode tree(String contractTopic) {
    try {
      return Json.MAPPER.readTree(file(contractTopic).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file(contractTopic), e);
    }
  }

  /** Every way {@code value} breaks the topic's schema; empty when it conforms. */
  public static List<String> violations(String contractTopic, JsonNode value) {
    JsonSchema schema = CACHE.computeIfAbsent(contractTopic,
        t -> FACTORY.getSchema(tree(t)));
    return schema.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
