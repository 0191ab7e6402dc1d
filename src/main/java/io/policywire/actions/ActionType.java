package io.policywire.actions;

/**
 * What a public body or office holder did. The taxonomy, with the words that trigger each type,
 * is documented in {@code docs/actions.md}.
 */
public enum ActionType {
  EXECUTIVE_ORDER(Family.ORDER),
  BAN(Family.ORDER),
  DIVESTITURE_ORDER(Family.DIVESTITURE),
  EXPORT_CONTROL(Family.EXPORT),
  SANCTION(Family.SANCTION),
  INVESTIGATION(Family.INVESTIGATION),
  REVIEW(Family.REVIEW),
  LAWSUIT(Family.LAWSUIT),
  COURT_RULING(Family.RULING),
  FINE(Family.FINE),
  LEGISLATION(Family.LEGISLATION),
  HEARING(Family.HEARING),
  DEMAND(Family.DEMAND),
  REVOCATION(Family.REVOCATION);

  /**
   * The part of the action id that names the type. Reports describe one presidential ban as
   * "an executive order", "the ban" or "bans the app", so those types share a family.
   */
  public enum Family {
    ORDER(false, true), DIVESTITURE(false, true), EXPORT(false, true), SANCTION(false, true),
    INVESTIGATION(true, false), REVIEW(true, false), LAWSUIT(true, false), RULING(false, false),
    FINE(false, false), LEGISLATION(false, false), HEARING(false, false), DEMAND(false, false),
    REVOCATION(false, false);

    private final boolean process;
    private final boolean executive;

    Family(boolean process, boolean executive) {
      this.process = process;
      this.executive = executive;
    }

    /**
     * Orders, bans, divestiture orders, export controls and sanctions are acts of a government's
     * executive branch that reports credit to whichever part they name ("the Trump
     * administration", "the Commerce Department", "BIS"), so their id names the branch.
     */
    public boolean executive() {
      return executive;
    }

    /**
     * A process (an investigation, a review, a lawsuit) runs for months and is reported all along,
     * so its id is bucketed by year; a one-off act by month.
     */
    public boolean process() {
      return process;
    }

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Family family;

  ActionType(Family family) {
    this.family = family;
  }

  public Family family() {
    return family;
  }

  /** Within a family, the more specific type wins when reports differ (an order over a ban). */
  public boolean moreSpecificThan(ActionType other) {
    return family == other.family && ordinal() < other.ordinal();
  }
}
