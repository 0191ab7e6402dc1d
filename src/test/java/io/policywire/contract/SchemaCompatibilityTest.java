package io.policywire.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.policywire.config.TopicNames;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityProfile;
import io.policywire.model.RawArticle;
import io.policywire.model.Story;
import io.policywire.testing.ContractSchemas;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed schemas are the contract: the Java records that write a topic must still have
 * every field a schema declares, with a JSON type the schema allows. A rename, removal or
 * retype in code therefore fails here, until it comes with a new schemaVersion and schema.
 */
class SchemaCompatibilityTest {

  /** The record class whose JSON is the value of each topic, where one exists in code. */
  private static final Map<String, Class<?>> WRITERS = Map.of(
      TopicNames.RAW, RawArticle.class,
      TopicNames.ENRICHED, EnrichedArticle.class,
      TopicNames.STORIES, Story.class,
      TopicNames.ENTITIES, EntityProfile.class);

  @Test
  void everyTopicHasAValid2020_12Schema() throws Exception {
    JsonSchemaFactory meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    for (String topic : TopicNames.ALL) {
      assertThat(ContractSchemas.file(topic)).exists();
      JsonNode schema = ContractSchemas.tree(topic);
      assertThat(schema.get("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(meta.getSchema(schema)).as(topic).isNotNull();
      assertThat(Files.readString(ContractSchemas.file(topic))).contains("\"description\"");
    }
  }

  @Test
  void recordsKeepEveryFieldTheirSchemaDeclaresWithItsType() {
    List<String> broken = new ArrayList<>();
    WRITERS.forEach((topic, type) ->
        compare(topic, ContractSchemas.tree(topic), type, broken));
    assertThat(broken).as("fields removed, renamed or retyped against topics/*.schema.json")
        .isEmpty();
  }

  @Test
  void shouldNoticeARenamedOrRetypedField() {
    List<String> broken = new ArrayList<>();
    compare("test", ContractSchemas.tree(TopicNames.STORIES), RenamedStory.class, broken);
    assertThat(broken).anyMatch(b -> b.contains("canonicalId"))
        .anyMatch(b -> b.contains("articleIds") && b.contains("array"));
  }

  /** Story with canonicalId renamed and articleIds retyped, as a careless change would. */
  record RenamedStory(String storyId, String canonicalArticle, String title, String articleIds,
      List<String> sources, String firstSeen, String lastSeen) {}

  private static void compare(String where, JsonNode schema, Class<?> type, List<String> broken) {
    JsonNode properties = schema.path("properties");
    properties.fieldNames().forEachRemaining(field -> {
      RecordComponent component = component(type, field);
      String path = where + "." + field;
      if (component == null) {
        broken.add(path + ": no such field in " + type.getSimpleName());
        return;
      }
      JsonNode fieldSchema = properties.get(field);
      String jsonType = jsonType(component.getType());
      if (!allows(fieldSchema, jsonType)) {
        broken.add(path + ": " + type.getSimpleName() + " writes " + jsonType
            + ", schema says " + fieldSchema.path("type"));
        return;
      }
      Class<?> nested = nestedRecord(component);
      if (nested != null) {
        JsonNode nestedSchema = jsonType.equals("array") ? fieldSchema.path("items") : fieldSchema;
        compare(path, nestedSchema, nested, broken);
      }
    });
  }

  private static RecordComponent component(Class<?> type, String name) {
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static String jsonType(Class<?> t) {
    if (t == String.class || t.isEnum()) {
      return "string";
    }
    if (t == int.class || t == long.class || t == Integer.class || t == Long.class) {
      return "integer";
    }
    if (t == double.class || t == float.class || t == Double.class || t == Float.class) {
      return "number";
    }
    if (t == boolean.class || t == Boolean.class) {
      return "boolean";
    }
    if (t.isArray() || Collection.class.isAssignableFrom(t)) {
      return "array";
    }
    return "object";
  }

  /** A schema without "type" (const, enum) is checked by validating records, not here. */
  private static boolean allows(JsonNode fieldSchema, String jsonType) {
    JsonNode declared = fieldSchema.get("type");
    if (declared == null) {
      return true;
    }
    Set<String> types = new java.util.HashSet<>();
    if (declared.isArray()) {
      declared.forEach(t -> types.add(t.asText()));
    } else {
      types.add(declared.asText());
    }
    return types.contains(jsonType) || jsonType.equals("integer") && types.contains("number");
  }

  private static Class<?> nestedRecord(RecordComponent c) {
    if (c.getType().isRecord()) {
      return c.getType();
    }
    Type generic = c.getGenericType();
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e
        && e.isRecord()) {
      return e;
    }
    return null;
  }
}
