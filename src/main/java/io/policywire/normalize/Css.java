package io.policywire.normalize;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * CSS queries parsed once: {@code select(String)} parses its query on every call, which was a
 * tenth of the time on a page. jsoup's evaluators are thread-safe and may be shared.
 */
final class Css {

  private static final Map<String, Evaluator> PARSED = new ConcurrentHashMap<>();

  private Css() {}

  /** The evaluator of one of our own constant queries (never of input: the map would grow). */
  static Evaluator of(String query) {
    return PARSED.computeIfAbsent(query, QueryParser::parse);
  }
}
