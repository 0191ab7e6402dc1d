package io.policywire.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.Dedup;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.EntityMention;
import io.policywire.model.StanceTag;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityProfileStateTest {

  private static EnrichedArticle article(String id, String publishedAt, List<StanceTag> stances) {
    return new EnrichedArticle(1, id, "u", "s", "t", publishedAt, "en", "text", null,
        List.of(new EntityMention("org:tiktok", "TikTok", "ORG", "Q48938223", 1, 1.0,
            List.of(new int[] {0, 6})), new EntityMention("gov:us-doj",
            "U.S. Department of Justice", "GOV", null, 1, 0.5, List.of())),
        stances, List.of(), new Dedup("s1", id, null, 0, "none"));
  }

  @Test
  void shouldCountTheStancesAnArticleHoldsTowardEachEntity() {
    List<StanceTag> stances = List.of(
        new StanceTag("gov:us-doj", "org:tiktok", "AGAINST", 0.9, "e"),
        new StanceTag("author", "org:tiktok", "AGAINST", 0.6, "e"),
        new StanceTag("org:tiktok", "gov:us-doj", "FAVOR", 0.7, "e"));
    List<EntitySighting> sightings =
        EntitySighting.of(article("a1", "2024-01-02T00:00:00Z", stances), 0);

    ProfileState tiktok = new ProfileState(null).apply(sightings.get(0));
    assertThat(tiktok.profile().stance()).containsEntry("AGAINST", 2L).hasSize(1);
    ProfileState doj = new ProfileState(null).apply(sightings.get(1));
    assertThat(doj.profile().stance()).containsEntry("FAVOR", 1L).hasSize(1);
  }

  @Test
  void shouldAddUpTheArticlesAndKeepTheLatestDate() {
    ProfileState s = new ProfileState(null);
    s = s.apply(EntitySighting.of(article("a1", "2024-01-02T00:00:00Z",
        List.of(new StanceTag("author", "org:tiktok", "FAVOR", 1, "e"))), 0).get(0));
    s = s.apply(EntitySighting.of(article("a2", "2024-01-01T00:00:00Z",
        List.of(new StanceTag("author", "org:tiktok", "NEUTRAL", 1, "e"))), 0).get(0));

    assertThat(s.profile().articleCount()).isEqualTo(2);
    assertThat(s.profile().lastSeen()).isEqualTo("2024-01-02T00:00:00Z");
    assertThat(s.profile().stance()).containsEntry("FAVOR", 1L).containsEntry("NEUTRAL", 1L);
  }

  @Test
  void shouldTakeBackAnArticleHoweverManyCameAfterIt() {
    List<StanceTag> against = List.of(new StanceTag("author", "org:tiktok", "AGAINST", 1, "e"));
    EntitySighting first = EntitySighting.of(article("a0", null, against), 0).get(0);
    ProfileState s = new ProfileState(null).apply(first);
    for (int i = 1; i < 300; i++) {
      s = s.apply(EntitySighting.of(article("a" + i, null, List.of()), 1000L * i).get(0));
    }

    s = s.apply(first.retraction());

    assertThat(s.profile().articleCount()).isEqualTo(299);
    assertThat(s.profile().stance()).doesNotContainKey("AGAINST");
  }
}
