package io.policywire.actions;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The stable id of an action, built from what identifies it in the world rather than from the
 * article that reports it, so every report of one action lands on one record:
 * <pre>
 *   act:{jurisdiction}:{family}:{authority}:{primary target}:{bucket}
 *   act:{jurisdiction}:legislation:{law}            (a bill or act the knowledge base names)
 * </pre>
 * The bucket is the action's month ({@code 2020-08}), or its year for processes that run for
 * months (investigations, reviews, lawsuits); when the text gives no date, the publication date's.
 * Entity ids lose their type prefix ({@code person:donald-trump} → {@code donald-trump}).
 */
public final class ActionIds {

  // compiled once: String.replaceAll compiles its pattern on every call
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGE_DASH = Pattern.compile("^-|-$");

  private ActionIds() {}

  public static String of(String jurisdiction, ActionType type, String authority,
      String primaryTarget, String monthBucket, String yearBucket) {
    String bucket = type.family().process() ? yearBucket : monthBucket;
    return String.join(":", "act", slug(jurisdiction), type.family().key(), slug(authority),
        slug(primaryTarget), bucket == null ? "undated" : bucket);
  }

  public static String ofLaw(String jurisdiction, String lawId) {
    return String.join(":", "act", slug(jurisdiction), ActionType.Family.LEGISLATION.key(),
        slug(lawId));
  }

  static String slug(String id) {
    if (id == null || id.isBlank()) {
      return "none";
    }
    String s = id.contains(":") ? id.substring(id.indexOf(':') + 1) : id;
    String dashed = NOT_SLUG.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-");
    return EDGE_DASH.matcher(dashed).replaceAll("");
  }
}
