package io.policywire.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EntityKnowledgeBaseTest {

  private final KnowledgeBase kb = KnowledgeBase.builtIn();

  private long count(String type) {
    return kb.entities().stream().filter(e -> e.type().equals(type)).count();
  }

  @Test
  void shouldCoverTheActorsOfTechPolicyInTheNumbersTheIssueAsks() {
    assertThat(count("ORG")).as("companies and platforms").isGreaterThanOrEqualTo(150);
    assertThat(count("GOV")).as("regulators, ministries, courts, legislatures")
        .isGreaterThanOrEqualTo(80);
    assertThat(count("PERSON")).as("officials and executives").isGreaterThanOrEqualTo(100);
    assertThat(kb.entities()).extracting(KbEntity::id).contains("law:us-section-230",
        "law:eu-gdpr", "law:eu-dma", "law:eu-dsa", "law:eu-ai-act", "law:us-chips-act",
        "law:us-ieepa", "law:us-pafaca", "law:cn-export-control-law",
        "law:cn-data-security-law");
  }

  @Test
  void shouldHavePublicBodiesInEveryJurisdictionTheIssueNames() {
    Set<String> withBodies = kb.entities().stream().filter(e -> e.type().equals("GOV"))
        .map(KbEntity::jurisdiction).collect(Collectors.toSet());
    assertThat(withBodies).contains("US", "EU", "UK", "CN", "IN", "JP", "KR", "AU", "CA", "BR");
  }

  @Test
  void shouldPrefixEveryIdWithItsType() {
    Map<String, String> prefix = Map.of("ORG", "org:", "PERSON", "person:", "GOV", "gov:",
        "GPE", "gpe:", "MEDIA", "media:", "PRODUCT", "product:", "LAW", "law:", "NGO", "ngo:",
        "BLOCK", "block:");
    assertThat(kb.entities()).allSatisfy(e -> assertThat(e.id()).startsWith(prefix.get(e.type())));
    assertThat(kb.entities()).allSatisfy(e -> {
      if (e.type().equals("GOV")) {
        assertThat(e.jurisdiction()).as(e.id()).isNotBlank();
      }
    });
  }

  @Test
  void shouldShareAnAliasBetweenEntitiesOnlyWhenItIsMarkedShared() {
    Map<String, List<String>> owners = new HashMap<>();
    for (KbEntity e : kb.entities()) {
      List<String> surfaces = new ArrayList<>(e.aliases());
      surfaces.add(e.name());
      for (String s : surfaces) {
        if (!s.endsWith("@")) {
          String key = FoldedText.key(s.endsWith("~") ? s.substring(0, s.length() - 1) : s);
          List<String> ids = owners.computeIfAbsent(key, k -> new ArrayList<>());
          if (!ids.contains(e.id())) {
            ids.add(e.id());
          }
        }
      }
    }
    Map<String, List<String>> clashes = owners.entrySet().stream()
        .filter(en -> en.getValue().size() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(clashes).as("an alias that means two entities must end in @").isEmpty();
  }

  @Test
  void shouldRejectABadRowNamingWhereItIs() {
    assertThatThrownBy(() -> KnowledgeBase.parse("Org:Bad\tBad\tORG", "mine.tsv:3"))
        .hasMessageContaining("mine.tsv:3").hasMessageContaining("slug");
    assertThatThrownBy(() -> KnowledgeBase.parse("org:x\tX\tCOMPANY", "mine.tsv:4"))
        .hasMessageContaining("unknown type");
    assertThatThrownBy(() -> KnowledgeBase.parse("org:x\tX\tORG\t\tUS\t\tP31", "mine.tsv:5"))
        .hasMessageContaining("QID");
  }

  @Test
  void shouldParseEveryColumn() {
    KbEntity e = KnowledgeBase.parse("gov:us-ftc\tFederal Trade Commission\tGOV\tFTC;the FTC\tUS"
        + "\tregulator\t", "x");
    assertThat(e.aliases()).containsExactly("FTC", "the FTC");
    assertThat(e.jurisdiction()).isEqualTo("US");
    assertThat(e.role()).isEqualTo("regulator");
    assertThat(e.wikidata()).isNull();
  }

  @Test
  void shouldVersionTheKnowledgeBaseByWhatItHolds(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    KnowledgeBase shipped = KnowledgeBase.builtIn();
    assertThat(shipped.version()).matches("[0-9a-f]{12}")
        .isEqualTo(KnowledgeBase.of(new ArrayList<>(shipped.entities())).version());
    java.nio.file.Path extra = dir.resolve("extra.tsv");
    java.nio.file.Files.writeString(extra, "org:acme-robotics\tAcme Robotics\tORG\n");
    assertThat(KnowledgeBase.load(List.of(extra)).version()).isNotEqualTo(shipped.version());
  }
}
