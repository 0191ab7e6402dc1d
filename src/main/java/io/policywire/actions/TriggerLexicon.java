package io.policywire.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that say an action was taken, one entry per type, each a pattern over the sentence
 * (case-insensitive unless written otherwise). The table in {@code docs/actions.md} lists them.
 * Where several types trigger in one sentence, the earlier entry wins, so the more specific types
 * (a revocation, a divestiture order) come before the instruments they are made with (an
 * executive order). Each entry also lists the words one of which its every match holds, so a
 * sentence is searched only by the patterns it could match: most sentences hold none.
 */
public final class TriggerLexicon {

  /** A trigger found in a sentence. */
  public record Hit(ActionType type, int start, int end, Effect effect) {}

  /**
   * What a trigger does to an earlier action of the article besides being an action itself: a
   * revocation revokes it, a court that halts something blocks it.
   */
  public enum Effect { NONE, REVOKES, BLOCKS }

  /** A pattern, and the words one of which its every match holds (see {@link Keywords}). */
  private record Entry(ActionType type, List<String> keywords, Pattern pattern, Effect effect) {}

  private static List<String> keys(String... words) {
    return List.of(words);
  }

  private static Entry entry(ActionType type, List<String> keywords, String regex) {
    return entry(type, keywords, regex, Effect.NONE);
  }

  private static Entry entry(ActionType type, List<String> keywords, String regex,
      Effect effect) {
    return new Entry(type, keywords, Pattern.compile("(?i)" + regex), effect);
  }

  private static final List<Entry> ENTRIES = List.of(
      entry(ActionType.REVOCATION, keys("revok", "rescind", "repeal", "reversed", "rolled back",
          "withdraw", "withdrew", "revocation"),
          "\\b(revok(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|repeal(?:s|ed|ing)?"
          + "|reversed|rolled back|withdr[ae]w)\\b(?=.{0,60}\\b(ban|order|rule|regulation|"
          + "designation|listing|license|policy|decision)s?\\b)|\\b(revocation|repeal)\\b",
          Effect.REVOKES),
      entry(ActionType.COURT_RULING, keys("judge", "court", "justices", "tribunal", "circuit"),
          "\\b(judges?|courts?|justices|tribunal|circuit)\\b.{0,80}?\\b("
          + "blocked|blocks|halted|halts|enjoined|enjoins|struck down|strikes down|suspended|"
          + "paused|froze)\\b", Effect.BLOCKS),
      entry(ActionType.COURT_RULING, keys("injunction", "restraining order"),
          "\\b(injunction|restraining order)\\b", Effect.BLOCKS),
      entry(ActionType.COURT_RULING, keys("judge", "court", "justices", "tribunal", "circuit",
          "ruling", "verdict", "judgment"),
          "\\b(judges?|courts?|justices|tribunal|circuit)\\b.{0,80}?\\b("
          + "ruled|rules|upheld|upholds|overturned|dismissed|sided with|found that)\\b|\\b(ruling"
          + "|verdict|judgment)\\b"),
      entry(ActionType.LEGISLATION, keys("introduc", "\\bpass", "\\bsign", "approv", "adopt",
          "enact", "\\bvot", "bill", "legislation"),
          "\\b(introduc(?:e|es|ed|ing)|pass(?:es|ed|ing)?|sign(?:s|ed|ing)?|approv(?:e|es|ed|"
          + "ing)|adopt(?:s|ed|ing)?|enact(?:s|ed|ing)?|signed into law|vot(?:e|es|ed|ing) (?:on|for)"
          + ")\\b.{0,100}?\\b(bill|act|law|legislation|regulation|measure)\\b|\\b(bill|legislation)"
          + "\\b.{0,40}?\\b(introduced|passed|approved|adopted|enacted|signed)\\b"),
      entry(ActionType.DIVESTITURE_ORDER, keys("divest", "sale", "to sell"),
          "\\b(divest(?:s|ed|ing|iture|ment)?|forced? sale|"
          + "forc(?:e|es|ed|ing)\\b.{0,60}?\\bto sell|order(?:s|ed|ing)?\\b.{0,60}?\\b(?:to sell|sale)"
          + "|(?:sale|divestiture) order)\\b"),
      entry(ActionType.EXPORT_CONTROL, keys("export"),
          "\\bexport[- ](controls?|restrictions?|rules?|curbs?|bans?|"
          + "licen[cs](?:e|es|ing)|regulations?)\\b|\\brestrict(?:s|ed|ing)? the export|\\bexport "
          + "control"),
      entry(ActionType.SANCTION, keys("sanction", "entity list", "blacklist", "sdn list",
          "asset freeze"),
          "\\b(sanction(?:s|ed|ing)?|entity list|blacklist(?:s|ed|ing)?|"
          + "SDN list|asset freeze)\\b"),
      entry(ActionType.BAN, keys("\\border"),
          "\\border(?:s|ed)? .{0,40}?to (?:remove|take down|stop|suspend|halt)\\b"),
      entry(ActionType.EXECUTIVE_ORDER, keys("executive order", "presidential", "decree"),
          "\\b(executive orders?|presidential (orders?|memorandum|"
          + "directives?|decree)|decree)\\b"),
      entry(ActionType.FINE, keys("\\bfine", "\\bpenalt"),
          "\\b(fined|fines?\\b(?=.{0,30}(\\$|€|£|million|billion|percent|%))"
          + "|(\\$|€|£)\\s?[\\d.,]+\\s?(million|billion|m|bn)? (fine|penalty)|penalt(?:y|ies) of|"
          + "civil penalty)"),
      entry(ActionType.LAWSUIT, keys("sued", "sues", "suing", "lawsuit", "filed", "antitrust",
          "to court"),
          "\\b(sued|sues|suing|lawsuit|filed (?:a |an )?(?:suit|complaint|"
          + "case)|antitrust (?:suit|case)|took .{0,30} to court)\\b"),
      entry(ActionType.INVESTIGATION, keys("investigat", "probe", "probing", "inquir", "subpoena",
          "opened"),
          "\\b(investigat(?:e|es|ed|ing|ion|ions)|probe[sd]?|probing|"
          + "inquiry|inquiries|subpoena(?:s|ed)?|opened (?:a |an )?case)\\b"),
      entry(ActionType.REVIEW, keys("review", "in talks", "negotiat", "cfius"),
          "\\b((?:national[- ]security|cybersecurity|security) review|review(?:s|ed|ing)? (?:of )?(?:the |"
          + "its |a )?(?:deal|acquisition|merger|investment|purchase|transaction)|merger review|"
          + "in talks|negotiations?|negotiating)\\b|\\bCFIUS\\b"),
      entry(ActionType.HEARING, keys("hearing", "testif", "testimony", "grill"),
          "\\b(hearings?|testif(?:y|ies|ied|ying)|testimony|grill(?:ed|ing)|"
          + "summon(?:s|ed)? .{0,30}to testify)\\b"),
      entry(ActionType.BAN, keys("\\bban", "prohibit", "outlaw", "barred", "\\border"),
          "\\b(ban|bans|banned|banning|prohibit(?:s|ed|ing|ion)?|outlaw(?:s|ed|ing)?"
          + "|barred|order(?:s|ed)? .{0,40}?to (?:remove|take down|stop|suspend|halt))\\b"),
      entry(ActionType.DEMAND, keys("\\burge", "\\burging", "call on", "calls on", "called on",
          "demand", "presse", "wrote to", "letter to", "\\bask"),
          "\\b(urg(?:e|es|ed|ing)|call(?:s|ed)? on|demand(?:s|ed|ing)?|press(?:es|ed)"
          + " .{0,30}to|wrote to|letter to|ask(?:s|ed) .{0,40}to (?:remove|stop|halt|end|ban|"
          + "delist|hand over|explain))\\b"));

  private static final Keywords KEYWORDS =
      Keywords.of(ENTRIES.stream().map(Entry::keywords).toList());

  private TriggerLexicon() {}

  /** Each entry's pattern with its words, for the test that no match goes without one. */
  static List<CuedPattern> cuedPatterns() {
    return ENTRIES.stream().map(e -> new CuedPattern(Keywords.of(e.keywords().toArray(
        String[]::new)), e.pattern())).toList();
  }

  /** Every type that triggers in the sentence, once each, in lexicon order. */
  public static List<Hit> find(String sentence) {
    long present = KEYWORDS.groupsIn(sentence);
    List<Hit> hits = new ArrayList<>(2);
    for (int i = 0; i < ENTRIES.size() && present != 0; i++) {
      Entry e = ENTRIES.get(i);
      if ((present & 1L << i) == 0 || found(hits, e.type())) {
        continue;
      }
      Matcher m = e.pattern().matcher(sentence);
      if (m.find()) {
        hits.add(new Hit(e.type(), m.start(), m.end(), e.effect()));
      }
    }
    return hits;
  }

  private static boolean found(List<Hit> hits, ActionType type) {
    for (Hit h : hits) {
      if (h.type() == type) {
        return true;
      }
    }
    return false;
  }
}
