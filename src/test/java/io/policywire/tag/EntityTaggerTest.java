package io.policywire.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.EntityMention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityTaggerTest {

  private final EntityTagger tagger = EntityTagger.defaults();

  private List<String> ids(String text) {
    return tagger.tag(text).stream().map(EntityMention::id).toList();
  }

  private Optional<EntityMention> find(List<EntityMention> found, String id) {
    return found.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  @Test
  void shouldTagKnownActorsWithIdsTypesAndSpansIntoTheText() {
    String text = "The Federal Trade Commission sued Meta Platforms on Tuesday, and ByteDance's "
        + "TikTok-owned unit in the U.S. said it would comply with the Digital Services Act.";
    List<EntityMention> found = tagger.tag(text);

    assertThat(found).extracting(EntityMention::id).contains("gov:us-ftc", "org:meta",
        "org:bytedance", "org:tiktok", "gpe:us", "law:eu-dsa");
    assertThat(find(found, "gov:us-ftc").orElseThrow().type()).isEqualTo("GOV");
    for (EntityMention m : found) {
      for (int[] span : m.spans()) {
        assertThat(text.substring(span[0], span[1])).doesNotStartWith(" ").doesNotEndWith(" ");
      }
    }
    int[] span = find(found, "org:bytedance").orElseThrow().spans().get(0);
    assertThat(text.substring(span[0], span[1])).isEqualTo("ByteDance");
    assertThat(find(found, "org:meta").orElseThrow().known()).isTrue();
  }

  @Test
  void shouldNotTakeAProductForItsMaker() {
    assertThat(ids("Artists can stream songs to Apple Music and Amazon Chime users."))
        .contains("product:apple-music", "product:amazon-chime")
        .doesNotContain("org:apple", "org:amazon");
  }

  @Test
  void shouldNotTagCommonWordsInLowerCase() {
    assertThat(ids("Security concerns trump privacy, and no oracle can tell us where the "
        + "amazon of data flows; meta discussions signal little.")).isEmpty();
  }

  @Test
  void shouldNotTagACommonWordCapitalisedOnlyBecauseItStartsASentence() {
    assertThat(ids("Signal strength matters. Apple pie is sweet.")).isEmpty();
    assertThat(ids("Apple sued Epic Games. Later, Apple won.")).contains("org:apple", "org:epic-games");
    assertThat(ids("Apple said it would appeal.")).containsExactly("org:apple");
  }

  @Test
  void shouldKeepBlockedPhrasesFromMatchingTheShorterName() {
    assertThat(ids("Fires spread across the Amazon rainforest near the Amazon River."))
        .doesNotContain("org:amazon");
    assertThat(ids("Donald Trump Jr. spoke at Trump Tower.")).doesNotContain("person:donald-trump");
  }

  @Test
  void shouldRequireAcronymsInUpperCase() {
    assertThat(ids("Tell us what the US wants.")).containsExactly("gpe:us");
    assertThat(ids("The DoJ and the DOJ are one.")).containsExactly("gov:us-doj");
  }

  @Test
  void shouldMatchAcrossLineBreaksAndTypographicApostrophes() {
    List<EntityMention> found = tagger.tag("Officials at the Department\nof  Justice met "
        + "TikTok\u2019s lawyers.");
    assertThat(found).extracting(EntityMention::id).contains("gov:us-doj", "org:tiktok");
  }

  @Test
  void shouldResolveSurnamesAndTheCompanyToTheEntityNamedBefore() {
    String text = "Brendan Carr wrote to Google. Carr said the company must act. "
        + "Later Carr repeated it.";
    EntityMention carr = find(tagger.tag(text), "person:brendan-carr").orElseThrow();
    assertThat(carr.mentions()).isEqualTo(3);
    EntityMention google = find(tagger.tag(text), "org:google").orElseThrow();
    assertThat(google.mentions()).isEqualTo(2);
  }

  @Test
  void shouldNotResolveTheCompanyWhenTwoCompaniesWereJustNamed() {
    String text = "Oracle and Microsoft bid for the app. The company declined to comment.";
    List<EntityMention> found = tagger.tag(text);
    assertThat(find(found, "org:oracle").orElseThrow().mentions()).isEqualTo(1);
    assertThat(find(found, "org:microsoft").orElseThrow().mentions()).isEqualTo(1);
  }

  @Test
  void shouldPickASharedAliasByTheJurisdictionTheDocumentNames() {
    assertThat(ids("In India, the Supreme Court upheld the ban on Chinese apps."))
        .contains("gov:in-supreme-court", "gpe:in").doesNotContain("gov:us-supreme-court");
    assertThat(ids("The Supreme Court will hear the American case in January."))
        .contains("gov:us-supreme-court");
    assertThat(ids("The Supreme Court will rule soon.")).isEmpty();
    assertThat(ids("China's Ministry of Commerce updated its export rules."))
        .contains("gov:cn-mofcom", "gpe:cn");
  }

  @Test
  void shouldRecogniseNamesTheKnowledgeBaseDoesNotKnow() {
    String text = "\"We will appeal,\" said Maria Olsen, head of Northwind Robotics. "
        + "The ruling also hit Contoso Media, according to activist Tomas Berg. "
        + "Olsen said the Ministry of Digital Affairs had not called.";
    List<EntityMention> found = tagger.tag(text);
    Map<String, EntityMention> byId =
        found.stream().collect(Collectors.toMap(EntityMention::id, m -> m));

    assertThat(byId).containsKeys("person:maria-olsen", "org:northwind-robotics",
        "media:contoso-media", "person:tomas-berg", "gov:ministry-of-digital-affairs");
    assertThat(byId.get("person:maria-olsen").known()).isFalse();
    assertThat(byId.get("person:maria-olsen").mentions()).isEqualTo(2);
    assertThat(byId.get("org:northwind-robotics").type()).isEqualTo("ORG");
  }

  @Test
  void shouldRankTheHeadlineEntityFirst() {
    List<EntityMention> found = tagger.tag("Nvidia faces new export rules",
        "Washington tightened chip exports. Intel and AMD shrugged. Nvidia said little.");
    assertThat(found.get(0).id()).isEqualTo("org:nvidia");
    assertThat(found.get(0).salience()).isGreaterThan(found.get(1).salience());
    assertThat(found).allSatisfy(m -> assertThat(m.salience()).isBetween(0.0, 1.0));
  }

  @Test
  void shouldListAnEntityNamedOnlyInTheHeadlineWithNoSpans() {
    List<EntityMention> found = tagger.tag("EU fines platform", "The fine was large.");
    EntityMention eu = find(found, "gpe:eu").orElseThrow();
    assertThat(eu.mentions()).isEqualTo(1);
    assertThat(eu.spans()).isEmpty();
  }

  @Test
  void shouldReturnNothingForEmptyText() {
    assertThat(tagger.tag(null, "")).isEmpty();
    assertThat(tagger.tag("", " \n ")).isEmpty();
  }

  @Test
  void shouldAddEntitiesFromAUsersOwnFileWithoutRebuilding(@TempDir Path dir) throws Exception {
    Path extra = dir.resolve("mine.tsv");
    Files.writeString(extra, "# my watchlist\n"
        + "org:acme-data\tAcme Data\tORG\tAcmeData;ACD\tUS\tcompany\t\n");
    EntityTagger mine = EntityTagger.withExtraKnowledge(List.of(extra));

    List<EntityMention> found = mine.tag("Regulators fined AcmeData and Google.");
    assertThat(found).extracting(EntityMention::id).contains("org:acme-data", "org:google");
    assertThat(find(found, "org:acme-data").orElseThrow().known()).isTrue();
  }
}
