package io.policywire.kafka;

/**
 * One difference between a topic definition and the cluster, and what {@code topics apply} did
 * about it.
 */
public record TopicChange(String topic, Kind kind, String detail, Outcome outcome) {

  public enum Kind { CREATE, ALTER_CONFIG, ADD_PARTITIONS, REDUCE_PARTITIONS, REPLICATION_FACTOR,
    UNDECLARED_CONFIG }

  public enum Outcome {
    /** Done. */
    APPLIED,
    /** Would be done; this was a dry run. */
    PLANNED,
    /** Destructive, so left undone until asked for with allowDestructive. */
    SKIPPED_DESTRUCTIVE,
    /** Cannot or must not be done by this tool at all; told so the operator can decide. */
    REPORTED
  }

  /** True when this difference stays after the run (a dry run's plans aside). */
  public boolean leftUndone() {
    return outcome == Outcome.SKIPPED_DESTRUCTIVE
        || (outcome == Outcome.REPORTED && kind != Kind.UNDECLARED_CONFIG);
  }

  @Override
  public String toString() {
    String prefix = switch (outcome) {
      case APPLIED -> "";
      case PLANNED -> "would ";
      case SKIPPED_DESTRUCTIVE -> "SKIPPED (destructive; --allow-destructive to apply) ";
      case REPORTED -> "NOT DONE ";
    };
    return prefix + kind.name().toLowerCase().replace('_', ' ') + " " + topic + ": " + detail;
  }
}
