package io.policywire.kafka;

import io.policywire.model.EnrichedArticle;
import io.policywire.model.RawArticle;
import io.policywire.model.Story;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every serde the project uses, in one place. */
public final class AppSerdes {

  public static final Serde<String> KEY = Serdes.String();
  public static final Serde<RawArticle> RAW_ARTICLE = new JsonSerde<>(RawArticle.class);
  public static final Serde<EnrichedArticle> ENRICHED_ARTICLE =
      new JsonSerde<>(EnrichedArticle.class);
  public static final Serde<Story> STORY = new JsonSerde<>(Story.class);

  private AppSerdes() {}

  public static <T> Serde<T> json(Class<T> type) {
    return new JsonSerde<>(type);
  }
}
