package io.policywire.actions;

/**
 * Where an action stands. Statuses only move forward (in declaration order): a later report of
 * an old order as "signed" does not undo its revocation.
 */
public enum ActionStatus {
  /** Threatened, promised, proposed, introduced, pending. */
  PROPOSED,
  ENACTED,
  CHALLENGED,
  BLOCKED,
  REVOKED;

  public boolean after(ActionStatus other) {
    return other == null || ordinal() > other.ordinal();
  }

  public static ActionStatus parse(String s) {
    return s == null ? null : valueOf(s);
  }
}
