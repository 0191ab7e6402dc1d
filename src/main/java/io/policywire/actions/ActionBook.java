package io.policywire.actions;

import io.policywire.model.ActionMention;
import io.policywire.model.Alert;
import io.policywire.model.RegulatoryAction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Merges reports into action records and decides alerts; plain Java, used by the actions stage
 * (with its state stores) and by the evaluation harness (with maps).
 *
 * <p>A report of an unknown id creates the record and one NEW alert. A report of a known id adds
 * its article and evidence, fills what the record lacked (a more precise date, more targets) and
 * moves the status forward; only a status change raises another alert. A report of an old action
 * made years later therefore updates the record and alerts nobody.
 */
public final class ActionBook {

  static final int MAX_EVIDENCE = 5;
  static final long BACKGROUND_DAYS = 30;

  /** The record after an update (null when nothing changed) and the alert it raises, if any. */
  public record Outcome(RegulatoryAction action, Alert alert, String alertedStatus) {}

  private ActionBook() {}

  /**
   * @param current the record so far, or null
   * @param alertedStatus the status last alerted for this id, or null when never alerted
   */
  public static Outcome apply(RegulatoryAction current, String alertedStatus,
      ActionUpdate update) {
    if (update.retracted()) {
      return new Outcome(current == null ? null : withdraw(current, update), null,
          alertedStatus);
    }
    ActionMention m = update.mention();
    RegulatoryAction next = current == null ? create(update) : merge(current, update);
    boolean changed = !next.equals(current);
    Alert alert = null;
    String alerted = alertedStatus;
    if (alertedStatus == null) {
      alert = alert(next, Alert.NEW, null, update);
      alerted = next.status();
    } else if (ActionStatus.parse(next.status()).after(ActionStatus.parse(alertedStatus))) {
      alert = alert(next, Alert.STATUS_CHANGE, alertedStatus, update);
      alerted = next.status();
    }
    return new Outcome(changed ? next : null, alert, alerted);
  }

  /**
   * The record without the withdrawn article and its evidence sentence; a record left with no
   * article has nothing to rest on and is returned with no articles (the stage deletes it).
   * Status and date stay: a retraction takes text back, it does not undo what was reported.
   */
  static RegulatoryAction withdraw(RegulatoryAction r, ActionUpdate u) {
    List<String> articles = new ArrayList<>(r.articleIds());
    articles.remove(u.articleId());
    List<String> evidence = new ArrayList<>(r.evidence());
    if (u.mention() != null && u.mention().evidence() != null) {
      evidence.remove(u.mention().evidence());
    }
    return new RegulatoryAction(r.id(), r.type(), r.authority(), r.targets(), r.jurisdiction(),
        r.date(), articles, evidence, r.status(), r.affects(), r.firstSeen(), r.lastSeen());
  }

  private static RegulatoryAction create(ActionUpdate u) {
    ActionMention m = u.mention();
    return new RegulatoryAction(m.id(), m.type(), m.authority(), m.targets(), m.jurisdiction(),
        m.date(), List.of(u.articleId()), m.evidence() == null ? List.of() : List.of(m.evidence()),
        m.status() == null ? ActionStatus.ENACTED.name() : m.status(), m.affects(),
        u.publishedAt(), u.publishedAt());
  }

  private static RegulatoryAction merge(RegulatoryAction r, ActionUpdate u) {
    ActionMention m = u.mention();
    List<String> articles = new ArrayList<>(r.articleIds());
    if (!articles.contains(u.articleId())) {
      articles.add(u.articleId());
    }
    LinkedHashSet<String> targets = new LinkedHashSet<>(r.targets());
    targets.addAll(m.targets());
    List<String> evidence = new ArrayList<>(r.evidence());
    if (m.evidence() != null && !evidence.contains(m.evidence())
        && evidence.size() < MAX_EVIDENCE) {
      evidence.add(m.evidence());
    }
    String type = r.type();
    try {
      if (ActionType.valueOf(m.type()).moreSpecificThan(ActionType.valueOf(r.type()))) {
        type = m.type();
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      // an unknown type from a newer detector: keep ours
    }
    String date = preciser(r.date(), m.date());
    ActionStatus status = ActionStatus.parse(r.status());
    ActionStatus reported = ActionStatus.parse(m.status());
    if (reported != null && reported.after(status)) {
      status = reported;
    }
    String firstSeen = earlier(r.firstSeen(), u.publishedAt());
    String lastSeen = later(r.lastSeen(), u.publishedAt());
    return new RegulatoryAction(r.id(), type, r.authority() != null ? r.authority()
        : m.authority(), List.copyOf(targets), r.jurisdiction() != null ? r.jurisdiction()
        : m.jurisdiction(), date, articles, evidence, status.name(),
        r.affects() != null ? r.affects() : m.affects(), firstSeen, lastSeen);
  }

  private static Alert alert(RegulatoryAction a, String reason, String previous,
      ActionUpdate u) {
    return new Alert(a.id(), a.type(), a.authority(), a.targets(), a.jurisdiction(), a.date(),
        reason, a.status(), previous, u.mention().evidence(), u.articleId(), u.publishedAt(),
        background(a.date(), u.publishedAt()), List.of());
  }

  static boolean background(String actionDate, String publishedAt) {
    if (actionDate == null || publishedAt == null) {
      return false;
    }
    try {
      LocalDate published = Instant.parse(publishedAt).atZone(ZoneOffset.UTC).toLocalDate();
      String d = actionDate.length() == 4 ? actionDate + "-12-31"
          : actionDate.length() == 7 ? LocalDate.parse(actionDate + "-01")
              .plusMonths(1).minusDays(1).toString() : actionDate;
      return LocalDate.parse(d).isBefore(published.minusDays(BACKGROUND_DAYS));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * The more precise of two dates, the earlier of two equally precise ones: the record's date
   * then does not depend on the order reports arrive in.
   */
  static String preciser(String a, String b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    if (a.length() != b.length()) {
      return a.length() > b.length() ? a : b;
    }
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String earlier(String a, String b) {
    return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
  }

  private static String later(String a, String b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }
}
