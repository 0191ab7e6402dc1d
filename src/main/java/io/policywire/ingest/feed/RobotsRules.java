package io.policywire.ingest.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one robots.txt for one product token, as RFC 9309 reads them: the groups naming
 * the token (case-insensitively), else the {@code *} groups; the longest matching {@code Allow} or
 * {@code Disallow} path wins, {@code Allow} on a tie; {@code *} matches any characters and a final
 * {@code $} anchors the end. {@code Crawl-delay}, not in the RFC but widely used, is kept.
 */
public final class RobotsRules {

  private static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null);
  private static final RobotsRules DISALLOW_ALL =
      new RobotsRules(List.of(new Rule(false, "/")), null);

  private record Rule(boolean allow, String pattern) {}

  private final List<Rule> rules;
  private final Duration crawlDelay;

  private RobotsRules(List<Rule> rules, Duration crawlDelay) {
    this.rules = rules;
    this.crawlDelay = crawlDelay;
  }

  public static RobotsRules allowAll() {
    return ALLOW_ALL;
  }

  public static RobotsRules disallowAll() {
    return DISALLOW_ALL;
  }

  /** Parses robots.txt text for {@code token} (e.g. {@code policywire}). */
  public static RobotsRules parse(String text, String token) {
    String me = token.toLowerCase(Locale.ROOT);
    List<Rule> mine = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    Duration myDelay = null;
    Duration starDelay = null;
    boolean inAgents = false;
    boolean forMe = false;
    boolean forStar = false;
    boolean namedMe = false;
    for (String raw : text.split("\r\n|\r|\n")) {
      String line = raw.replaceFirst("#.*", "").strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("user-agent")) {
        if (!inAgents) {
          forMe = false;
          forStar = false;
          inAgents = true;
        }
        String agent = value.toLowerCase(Locale.ROOT);
        forMe |= agent.equals(me);
        namedMe |= agent.equals(me);
        forStar |= agent.equals("*");
        continue;
      }
      inAgents = false;
      if (key.equals("allow") || key.equals("disallow")) {
        if (value.isEmpty()) {
          continue;
        }
        Rule rule = new Rule(key.equals("allow"), value);
        if (forMe) {
          mine.add(rule);
        }
        if (forStar) {
          star.add(rule);
        }
      } else if (key.equals("crawl-delay")) {
        Duration delay = seconds(value);
        if (forMe) {
          myDelay = delay;
        }
        if (forStar) {
          starDelay = delay;
        }
      }
    }
    return namedMe ? new RobotsRules(List.copyOf(mine), myDelay)
        : new RobotsRules(List.copyOf(star), starDelay);
  }

  private static Duration seconds(String value) {
    try {
      double s = Double.parseDouble(value);
      return s > 0 && s < 86_400 ? Duration.ofMillis((long) (s * 1000)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether a path with its query ({@code /news/a?b=1}) may be fetched. */
  public boolean allows(String pathAndQuery) {
    String path = pathAndQuery.isEmpty() ? "/" : pathAndQuery;
    if (path.equals("/robots.txt")) {
      return true;
    }
    Rule best = null;
    for (Rule rule : rules) {
      if (matches(rule.pattern(), path) && (best == null
          || rule.pattern().length() > best.pattern().length()
          || rule.pattern().length() == best.pattern().length() && rule.allow())) {
        best = rule;
      }
    }
    return best == null || best.allow();
  }

  public Optional<Duration> crawlDelay() {
    return Optional.ofNullable(crawlDelay);
  }

  static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    return matchFrom(p, 0, path, 0, anchored);
  }

  private static boolean matchFrom(String p, int pi, String s, int si, boolean anchored) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) {
          if (matchFrom(p, pi + 1, s, k, anchored)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length() || s.charAt(si) != c) {
        return false;
      }
      pi++;
      si++;
    }
    return !anchored || si == s.length();
  }
}
