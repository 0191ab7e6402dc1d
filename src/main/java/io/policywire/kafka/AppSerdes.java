package io.policywire.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.actions.ActionUpdate;
import io.policywire.actions.ArticleActions;
import io.policywire.dedupe.BandProbe;
import io.policywire.dedupe.BandResult;
import io.policywire.dedupe.PendingArticle;
import io.policywire.dedupe.PendingDecision;
import io.policywire.dedupe.Sketch;
import io.policywire.dedupe.StoryState;
import io.policywire.dedupe.StoryUpdate;
import io.policywire.model.Alert;
import io.policywire.model.AlertRule;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityProfile;
import io.policywire.model.RawArticle;
import io.policywire.model.RegulatoryAction;
import io.policywire.model.Story;
import io.policywire.serve.EntityActivity;
import io.policywire.serve.Timed;
import io.policywire.tag.ArticleSightings;
import io.policywire.tag.EntitySighting;
import io.policywire.tag.ProfileState;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every serde the project uses, in one place, and so the format of every byte it writes:
 * <ul>
 *   <li><b>JSON</b> for every topic others read or write: the {@code news.*} topics of
 *       {@code topics/} (their contract is JSON, see docs/consumers.md), and the serving stores
 *       materialized from them, which keep the topic's bytes as read;</li>
 *   <li><b>Smile</b> (Jackson's binary JSON, {@link Smile}) for data only the pipeline reads:
 *       its repartition topics, its state stores and their changelogs. Changing one of these is
 *       a topology-incompatible upgrade (docs/deploy.md).</li>
 * </ul>
 * Keys are plain UTF-8 strings everywhere.
 */
public final class AppSerdes {

  public static final Serde<String> KEY = Serdes.String();

  // JSON: the contract topics (news.*), and the serving stores read from them
  public static final Serde<RawArticle> RAW_ARTICLE = new JsonSerde<>(RawArticle.class);
  public static final Serde<EnrichedArticle> ENRICHED_ARTICLE =
      new JsonSerde<>(EnrichedArticle.class);
  public static final Serde<Story> STORY = new JsonSerde<>(Story.class);
  public static final Serde<EntityProfile> ENTITY_PROFILE = new JsonSerde<>(EntityProfile.class);
  public static final Serde<RegulatoryAction> REGULATORY_ACTION =
      new JsonSerde<>(RegulatoryAction.class);
  public static final Serde<Alert> ALERT = new JsonSerde<>(Alert.class);
  public static final Serde<AlertRule> ALERT_RULE = new JsonSerde<>(AlertRule.class);
  /** Any contract topic's value as a tree, for serving it as it is. */
  public static final Serde<JsonNode> JSON_TREE = new JsonSerde<>(JsonNode.class);

  // Smile: internal to the pipeline (repartition topics, state stores and changelogs)
  /** {@code dedupe-pending-articles}. */
  public static final Serde<PendingArticle> PENDING_ARTICLE =
      new SmileSerde<>(PendingArticle.class);
  /** {@code dedupe-by-band} repartition. */
  public static final Serde<BandProbe> BAND_PROBE = new SmileSerde<>(BandProbe.class);
  /** {@code dedupe-band-index}. */
  public static final Serde<Sketch> SKETCH = new SmileSerde<>(Sketch.class);
  /** {@code dedupe-by-article} repartition. */
  public static final Serde<BandResult> BAND_RESULT = new SmileSerde<>(BandResult.class);
  /** {@code dedupe-pending-bands}. */
  public static final Serde<PendingDecision> PENDING_DECISION =
      new SmileSerde<>(PendingDecision.class);
  /** {@code stories-linker-input} repartition. */
  public static final Serde<StoryUpdate> STORY_UPDATE = new SmileSerde<>(StoryUpdate.class);
  /** {@code stories-store}. */
  public static final Serde<StoryState> STORY_STATE = new SmileSerde<>(StoryState.class);
  /** {@code entities-article-sightings}. */
  public static final Serde<ArticleSightings> ARTICLE_SIGHTINGS =
      new SmileSerde<>(ArticleSightings.class);
  /** {@code entities-by-entity-id} repartition. */
  public static final Serde<EntitySighting> ENTITY_SIGHTING =
      new SmileSerde<>(EntitySighting.class);
  /** {@code entities-store}. */
  public static final Serde<ProfileState> PROFILE_STATE = new SmileSerde<>(ProfileState.class);
  /** {@code actions-by-article}. */
  public static final Serde<ArticleActions> ARTICLE_ACTIONS =
      new SmileSerde<>(ArticleActions.class);
  /** {@code actions-by-action-id} repartition. */
  public static final Serde<ActionUpdate> ACTION_UPDATE = new SmileSerde<>(ActionUpdate.class);
  /** {@code actions-store}: the record {@code news.regulatory-actions} gets as JSON. */
  public static final Serde<RegulatoryAction> ACTION_STATE =
      new SmileSerde<>(RegulatoryAction.class);
  /** {@code serve-activity-by-entity} repartition and {@code serve-entity-activity}. */
  public static final Serde<EntityActivity> ENTITY_ACTIVITY =
      new SmileSerde<>(EntityActivity.class);
  /** {@code serve-actions}, {@code serve-alerts}: a contract record as served, with its times. */
  public static final Serde<Timed> TIMED = new SmileSerde<>(Timed.class);

  private AppSerdes() {}
}
