package io.policywire.config;

import java.util.List;

/**
 * The topic names of the contract, with the deployment's prefix applied. Topology code takes its
 * names from here, never from literals.
 */
public record TopicNames(String prefix) {

  public static final String RAW = "news.articles.raw";
  public static final String ENRICHED = "news.articles.enriched";
  public static final String DLQ = "news.articles.dlq";
  public static final String STORIES = "news.stories";
  public static final String ENTITIES = "news.entities";
  public static final String ACTIONS = "news.regulatory-actions";
  public static final String ALERTS = "news.alerts";
  /** Subscribers' alert rules (compacted, key = rule id), read by the pipeline as a table. */
  public static final String ALERT_RULES = "news.alert-rules";

  /** Every topic of the contract, unprefixed, in data-flow order. */
  public static final List<String> ALL = List.of(RAW, DLQ, ENRICHED, STORIES, ENTITIES, ACTIONS, ALERTS,
      ALERT_RULES);

  public TopicNames {
    prefix = prefix == null ? "" : prefix;
  }

  public String of(String contractName) {
    return prefix + contractName;
  }

  /** Every topic of the contract, prefixed. */
  public List<String> all() {
    return ALL.stream().map(this::of).toList();
  }

  public String raw() {
    return of(RAW);
  }

  public String enriched() {
    return of(ENRICHED);
  }

  public String dlq() {
    return of(DLQ);
  }

  public String stories() {
    return of(STORIES);
  }

  public String entities() {
    return of(ENTITIES);
  }

  public String actions() {
    return of(ACTIONS);
  }

  public String alerts() {
    return of(ALERTS);
  }

  public String alertRules() {
    return of(ALERT_RULES);
  }
}
