package io.policywire.model;

import java.util.List;
import java.util.Locale;

/**
 * The value of {@code news.alert-rules} (key = rule id): which alerts a subscriber wants. An
 * alert matches when each non-empty list matches it; an empty or absent list matches anything.
 *
 * @param jurisdictions any of these; "US" also matches "US-MT"
 * @param types any of these action types
 * @param entities any of these entity ids as the authority or a target
 * @param statusChanges whether status-change alerts match too (null = yes)
 * @param background whether alerts about old actions (look-backs) match too (null = no)
 * @param webhook an http(s) URL the webhook sink posts matching alerts to, or null
 */
public record AlertRule(
    String id,
    String subscriber,
    List<String> jurisdictions,
    List<String> types,
    List<String> entities,
    Boolean statusChanges,
    Boolean background,
    String webhook) {

  public AlertRule {
    jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
    types = types == null ? List.of() : List.copyOf(types);
    entities = entities == null ? List.of() : List.copyOf(entities);
  }

  /** A rule without a webhook. */
  public AlertRule(String id, String subscriber, List<String> jurisdictions, List<String> types,
      List<String> entities, Boolean statusChanges, Boolean background) {
    this(id, subscriber, jurisdictions, types, entities, statusChanges, background, null);
  }

  public boolean matches(Alert alert) {
    if (alert.background() && !Boolean.TRUE.equals(background)) {
      return false;
    }
    if (Alert.STATUS_CHANGE.equals(alert.reason()) && Boolean.FALSE.equals(statusChanges)) {
      return false;
    }
    if (!types.isEmpty() && !types.contains(alert.type())) {
      return false;
    }
    if (!jurisdictions.isEmpty()) {
      String j = alert.jurisdiction() == null ? "" : alert.jurisdiction().toUpperCase(Locale.ROOT);
      if (jurisdictions.stream().map(x -> x.toUpperCase(Locale.ROOT))
          .noneMatch(x -> j.equals(x) || j.startsWith(x + "-"))) {
        return false;
      }
    }
    return entities.isEmpty() || entities.contains(alert.authority())
        || alert.targets().stream().anyMatch(entities::contains);
  }
}
