package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.Alert;
import io.policywire.model.AlertRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

  private static Alert alert(String type, String jurisdiction, String reason,
      boolean background) {
    return new Alert("act:x", type, "gov:us-ftc", List.of("org:meta", "org:instagram"),
        jurisdiction, "2020-12-09", reason, "ENACTED", null, "e", "a1",
        "2020-12-10T00:00:00Z", background, List.of());
  }

  private static AlertRule rule(List<String> jurisdictions, List<String> types,
      List<String> entities, Boolean statusChanges, Boolean background) {
    return new AlertRule("r", "s", jurisdictions, types, entities, statusChanges, background);
  }

  @Test
  void shouldMatchEverythingFreshWhenTheRuleIsEmpty() {
    AlertRule any = rule(null, null, null, null, null);
    assertThat(any.matches(alert("LAWSUIT", "US", Alert.NEW, false))).isTrue();
    assertThat(any.matches(alert("LAWSUIT", "US", Alert.STATUS_CHANGE, false))).isTrue();
    assertThat(any.matches(alert("LAWSUIT", "US", Alert.NEW, true))).as("background").isFalse();
  }

  @Test
  void shouldMatchByJurisdictionPrefixTypeAndEntity() {
    assertThat(rule(List.of("us"), null, null, null, null)
        .matches(alert("BAN", "US-MT", Alert.NEW, false))).isTrue();
    assertThat(rule(List.of("EU"), null, null, null, null)
        .matches(alert("BAN", "US", Alert.NEW, false))).isFalse();
    assertThat(rule(null, List.of("FINE"), null, null, null)
        .matches(alert("LAWSUIT", "US", Alert.NEW, false))).isFalse();
    assertThat(rule(null, null, List.of("org:instagram"), null, null)
        .matches(alert("LAWSUIT", "US", Alert.NEW, false))).as("a target").isTrue();
    assertThat(rule(null, null, List.of("gov:us-ftc"), null, null)
        .matches(alert("LAWSUIT", "US", Alert.NEW, false))).as("the authority").isTrue();
    assertThat(rule(null, null, List.of("org:tiktok"), null, null)
        .matches(alert("LAWSUIT", "US", Alert.NEW, false))).isFalse();
  }

  @Test
  void shouldHonourTheSubscribersChoiceOfStatusChangesAndBackground() {
    assertThat(rule(null, null, null, false, null)
        .matches(alert("BAN", "US", Alert.STATUS_CHANGE, false))).isFalse();
    assertThat(rule(null, null, null, null, true)
        .matches(alert("BAN", "US", Alert.NEW, true))).isTrue();
  }
}
