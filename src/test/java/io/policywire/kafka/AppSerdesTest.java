package io.policywire.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.actions.ActionUpdate;
import io.policywire.actions.ArticleActions;
import io.policywire.dedupe.BandProbe;
import io.policywire.dedupe.BandResult;
import io.policywire.dedupe.Match;
import io.policywire.dedupe.PendingArticle;
import io.policywire.dedupe.PendingDecision;
import io.policywire.dedupe.Sketch;
import io.policywire.dedupe.StoryCopy;
import io.policywire.dedupe.StoryState;
import io.policywire.dedupe.StoryUpdate;
import io.policywire.model.ActionMention;
import io.policywire.model.AnnotatedArticle;
import io.policywire.model.EntityMention;
import io.policywire.model.EntityProfile;
import io.policywire.model.RegulatoryAction;
import io.policywire.model.StanceTag;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.serve.EntityActivity;
import io.policywire.serve.Timed;
import io.policywire.tag.ArticleSightings;
import io.policywire.tag.EntitySighting;
import io.policywire.tag.ProfileState;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class AppSerdesTest {

  /** The serdes of the contract topics (and the serving stores read from them). */
  private static final Set<String> JSON = Set.of("RAW_ARTICLE", "ENRICHED_ARTICLE", "STORY",
      "ENTITY_PROFILE", "REGULATORY_ACTION", "ALERT", "ALERT_RULE", "JSON_TREE");

  private static final StoryCopy COPY = new StoryCopy("a1", "Title — “quoted”", "Wire",
      "2024-04-30T08:00:00Z", "html", "2024-04-30T08:01:00Z");
  private static final Match MATCH = new Match(COPY, 1714464000000L, 0.87, "minhash");
  private static final ActionMention MENTION = new ActionMention("act:1", "SANCTION",
      "gov:us-commerce", List.of("org:acme"), "US", "2024-04-30", "It added firms.", "ANNOUNCED",
      "exports");
  private static final Sketch SKETCH = new Sketch("fp", 1714464000000L, 42,
      new byte[] {0, 1, -1, 127, -128, (byte) 0xFE, (byte) 0xFF}, COPY);
  private static final EntityProfile PROFILE = new EntityProfile("org:acme", "Acme", "ORG",
      null, 3, "2024-04-30T08:00:00Z", Map.of("FAVOR", 1L), true, null);
  private static final EntitySighting SIGHTING = new EntitySighting("org:acme", "Acme", "ORG",
      "Q1", true, "a1", "2024-04-30T08:00:00Z", Map.of("AGAINST", 2L), false, null);

  @Test
  void shouldWriteContractTopicsAsJsonAndInternalDataAsSmile() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Field field : AppSerdes.class.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getName().equals("KEY")) {
        continue;
      }
      Object serde = field.get(null);
      assertThat(serde).as(field.getName())
          .isInstanceOf(JSON.contains(field.getName()) ? JsonSerde.class : SmileSerde.class);
      checked.add(field.getName());
    }
    assertThat(checked).containsAll(JSON).hasSizeGreaterThan(JSON.size() + 10);
  }

  @Test
  void shouldRoundTripEveryInternalRecordTypeThroughSmile() {
    NormalizedArticle article = new NormalizedArticle("a1", "https://x/a1", "Wire", "Title",
        "2024-04-30T08:00:00Z", "en", "Body text\n\nwith “unicode” ✓ and 🚀.", "html",
        "Jane Doe", null);
    AnnotatedArticle annotated = new AnnotatedArticle(article,
        List.of(new EntityMention("org:acme", "Acme", "ORG", null, 2, 0.5,
            List.of(new int[] {0, 4}, new int[] {10, 14}), true)),
        List.of(new StanceTag("org:acme", "gov:us", "AGAINST", 0.9, "Acme opposes.",
            new int[] {3, 9})),
        List.of(MENTION));
    roundTrip(AppSerdes.PENDING_ARTICLE, new PendingArticle(annotated, SKETCH,
        Map.of("policywire.raw.offset", "7")));
    roundTrip(AppSerdes.BAND_PROBE, new BandProbe(2, List.of(new BandProbe.Band(2, "b2-ff00"),
        new BandProbe.Band(8, "b8-00ff")), 32, true, SKETCH, 3, "3-7"));
    roundTrip(AppSerdes.SKETCH, SKETCH.forIndex());
    roundTrip(AppSerdes.BAND_RESULT, new BandResult(List.of(2, 8), 32, List.of(MATCH), 3, "3-7"));
    roundTrip(AppSerdes.PENDING_DECISION,
        new PendingDecision(32, Set.of(2, 8), List.of(MATCH)));
    roundTrip(AppSerdes.STORY_UPDATE, new StoryUpdate(List.of(COPY), null));
    roundTrip(AppSerdes.STORY_UPDATE, new StoryUpdate(List.of(), "a1"));
    roundTrip(AppSerdes.STORY_STATE, new StoryState("s1", List.of(COPY), 1714464000000L));
    roundTrip(AppSerdes.ARTICLE_SIGHTINGS, new ArticleSightings(1714464000000L,
        List.of(SIGHTING)));
    roundTrip(AppSerdes.ENTITY_SIGHTING, SIGHTING);
    roundTrip(AppSerdes.PROFILE_STATE, new ProfileState(PROFILE));
    roundTrip(AppSerdes.ARTICLE_ACTIONS, new ArticleActions("2024-04-30T08:00:00Z",
        List.of(MENTION)));
    roundTrip(AppSerdes.ACTION_UPDATE, new ActionUpdate("a1", "2024-04-30T08:00:00Z", MENTION,
        false));
    roundTrip(AppSerdes.ACTION_STATE, new RegulatoryAction("act:1", "SANCTION",
        "gov:us-commerce", List.of("org:acme"), "US", "2024-04-30", List.of("a1"),
        List.of("It added firms."), "ANNOUNCED", "exports", "2024-04-30T08:00:00Z",
        "2024-04-30T08:00:00Z"));
    roundTrip(AppSerdes.ENTITY_ACTIVITY, new EntityActivity("org:acme", "Acme", "ORG", 3, 1, 0,
        2));
    JsonNode value = Json.MAPPER.createObjectNode().put("id", "act:1").put("date", "2024-04-30");
    roundTrip(AppSerdes.TIMED, new Timed(value, 1L, 2L));
  }

  @Test
  void shouldReadAProfileStateStoredWithTheRecentArticleIdsItNoLongerKeeps() throws Exception {
    Map<String, Object> old = Map.of("profile", PROFILE, "recentArticleIds", List.of("a1", "a2"));
    byte[] stored = Smile.MAPPER.writeValueAsBytes(old);

    assertThat(AppSerdes.PROFILE_STATE.deserializer().deserialize("t", stored))
        .isEqualTo(new ProfileState(PROFILE));
  }

  @Test
  void shouldRefuseJsonStateFromBeforeTheUpgradeNamingTheFormat() {
    byte[] json = "{\"storyId\":\"s1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> AppSerdes.STORY_STATE.deserializer().deserialize("t", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("not a valid StoryState Smile record");
  }

  @Test
  void shouldWriteTheSameJsonBytesAsReflectionDid() throws Exception {
    var reflection = Json.settings(com.fasterxml.jackson.databind.json.JsonMapper.builder())
        .build();
    var generator = new io.policywire.bench.WorkloadGenerator(7);
    var enricher = new io.policywire.pipeline.Enricher(1 << 20);
    for (int i = 0; i < 20; i++) {
      io.policywire.model.RawArticle raw = generator.next();
      io.policywire.model.EnrichedArticle enriched = enricher.enrich(raw);
      assertThat(AppSerdes.ENRICHED_ARTICLE.serializer().serialize("t", enriched))
          .isEqualTo(reflection.writeValueAsBytes(enriched));
      assertThat(AppSerdes.RAW_ARTICLE.serializer().serialize("t", raw))
          .isEqualTo(reflection.writeValueAsBytes(raw));
    }
    assertThat(AppSerdes.ENTITY_PROFILE.serializer().serialize("t", PROFILE))
        .isEqualTo(reflection.writeValueAsBytes(PROFILE));
  }

  private static <T> void roundTrip(Serde<T> serde, T value) {
    byte[] bytes = serde.serializer().serialize("t", value);
    assertThat(bytes).as(value.getClass().getSimpleName()).startsWith(':', ')', '\n');
    T back = serde.deserializer().deserialize("t", bytes);
    assertThat(back).as(value.getClass().getSimpleName()).usingRecursiveComparison()
        .isEqualTo(value);
  }
}
