package io.policywire.kafka;

import io.policywire.dedupe.StoryCopy;
import io.policywire.dedupe.StoryState;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.RawArticle;
import io.policywire.model.Story;
import io.policywire.normalize.NormalizedArticle;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every serde the project uses, in one place. */
public final class AppSerdes {

  public static final Serde<String> KEY = Serdes.String();
  public static final Serde<RawArticle> RAW_ARTICLE = new JsonSerde<>(RawArticle.class);
  public static final Serde<EnrichedArticle> ENRICHED_ARTICLE =
      new JsonSerde<>(EnrichedArticle.class);
  public static final Serde<Story> STORY = new JsonSerde<>(Story.class);
  // internal: repartition topics and state stores
  public static final Serde<NormalizedArticle> NORMALIZED_ARTICLE =
      new JsonSerde<>(NormalizedArticle.class);
  public static final Serde<StoryCopy> STORY_COPY = new JsonSerde<>(StoryCopy.class);
  public static final Serde<StoryState> STORY_STATE = new JsonSerde<>(StoryState.class);

  private AppSerdes() {}
}
