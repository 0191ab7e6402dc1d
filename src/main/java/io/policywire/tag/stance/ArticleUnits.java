package io.policywire.tag.stance;

import static io.policywire.tag.stance.StanceAnalyzer.AUTHOR;
import static io.policywire.tag.stance.StanceWords.*;

import io.policywire.model.EntityMention;
import io.policywire.model.StanceTag;
import io.policywire.tag.stance.StanceLexicon.Pol;
import io.policywire.tag.stance.StanceLexicon.Verb;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One article's units (words, marks and whole entity mentions, sentence by sentence) and what
 * is known of them before any stance rule runs: possessor names, a person's organisation, word
 * shapes (noun-like, bare lemma, after a preposition), and the stances found so far. The base of
 * an analysis run; each subclass adds one mechanism (anaphora, holders, speech, targets, clause
 * scope), and {@code StanceAnalyzer.Run} the stance rules themselves.
 */
abstract class ArticleUnits {

  record Region(int open, int close, int openSentence, int closeSentence, String[] holder) {}
  record Found(String holder, String target, Pol pol, double confidence, int sentence) {}

  final StanceLexicon lex;
  final String text;
  final List<SentenceSplitter.Span> sentences;
  final List<Unit> units = new ArrayList<>();
  final List<Region> regions = new ArrayList<>();
  final List<Found> found = new ArrayList<>();
  final Map<String, Integer> mentionCounts = new HashMap<>();
  /** Laws and products: targets only; "the Act would force it to…" is nobody's stance. */
  final Set<String> mute = new HashSet<>();

  /** "Signal president Meredith Whittaker", "Signal's Whittaker": the person's organisation. */
  final Map<String, String> affiliation = new HashMap<>();

  /** Whose words are being analysed, while they are. */
  String speakerNow;

  /** What the words being analysed are about, when the attribution names it ("said of X"). */
  String topic;

  /** "Asked about the spat between X and Y, …": what the sentence's words are about. */
  List<String> asked = List.of();

  ArticleUnits(StanceLexicon lex, String text) {
    this.lex = lex;
    this.text = text;
    this.sentences = SentenceSplitter.split(text);
  }

  /**
   * "Brazil's Supreme Federal Court ordered…", "opponents of Colorado's AI Act": a name
   * followed by 's and, within a few modifiers, another name is a modifier of that name, which
   * acts or is acted on.
   */
  void findPossessors() {
    for (int k = 0; k + 2 < units.size(); k++) {
      Unit u = units.get(k);
      if (u.isEntity() && "GPE".equals(u.type)) {
        placeModifier(k);
      }
      if (!u.isEntity() || !(units.get(k + 1).is("'s") || units.get(k + 1).is("'"))) {
        continue;
      }
      for (int j = k + 2; j < Math.min(units.size(), k + 6); j++) {
        Unit w = units.get(j);
        if (j == k + 5 && !w.is(",")) {
          break;
        }
        if (w.isEntity()) {
          if (!"PERSON".equals(u.type) || "PERSON".equals(w.type)) {
            u.possessed = w;
          }
          break;
        }
        if (w.is(",") && j > k + 2) {
          int n = j + 1 < units.size() && units.get(j + 1).is("the") ? j + 2 : j + 1;
          if (n + 1 < units.size() && units.get(n).isEntity() && units.get(n + 1).is(",")
              && !"GPE".equals(units.get(n).type)) {
            u.possessed = units.get(n); // "Italy's data protection authority, the Garante,"
          }
          break;
        }
        if (w.isPunct() && !w.is("-") || w.has(F_AUX) || w.has(F_FUNCTION)
            || w.has(F_PREPOSITIONS) || w.has(F_CLAUSE_BREAKS)
            || !w.lx.speech().isEmpty()) {
          break;
        }
      }
    }
  }

  /**
   * "Russian opposition figure Leonid Volkov", "Kenyan regulator CA": a place right before one to
   * three plain nouns and a name modifies that name, as a possessor does.
   */
  private void placeModifier(int k) {
    Unit u = units.get(k);
    for (int j = k + 1; j < Math.min(units.size(), k + 5); j++) {
      Unit w = units.get(j);
      if (w.isEntity()) {
        if (j > k + 1 && !"GPE".equals(w.type) && w.sentence == u.sentence) {
          u.possessed = w;
        }
        return;
      }
      if (w.isPunct() || w.has(F_AUX) || w.has(F_FUNCTION) || w.has(F_PREPOSITIONS)
          || w.has(F_CLAUSE_BREAKS) || w.has(F_IRREGULAR_PAST) || w.has(F_POSSESSIVES)
          || w.norm.endsWith("ed") || !w.lx.speech().isEmpty() || !w.lx.verbs().isEmpty()
          || !w.lx.urge().isEmpty() || w.has(F_WANTS) || w.has(F_NAMING)
          || w.norm.equals("'s")
          || !Character.isLetter(w.norm.charAt(0))) {
        return;
      }
    }
  }

  void findAffiliations() {
    for (int i = 1; i < units.size(); i++) {
      Unit p = units.get(i);
      if (!p.isEntity() || p.anaphor || !"PERSON".equals(p.type)) {
        continue;
      }
      int k = i - 1;
      if (units.get(k).is("'s")) {
        k--;
      } else {
        while (k > i - 4 && k >= 0 && units.get(k).has(F_ROLE_HEADS)
            && !units.get(k).isEntity()) {
          k--;
        }
        if (k == i - 1) {
          continue;
        }
      }
      if (k >= 0 && units.get(k).isEntity() && "ORG".equals(units.get(k).type)) {
        affiliation.putIfAbsent(p.entity, units.get(k).entity);
      }
    }
    // "Brad Smith, Microsoft's president", "Fábio Coelho, president of Google"
    for (int i = 0; i + 3 < units.size(); i++) {
      Unit p = units.get(i);
      if (!p.isEntity() || p.anaphor || !"PERSON".equals(p.type) || !units.get(i + 1).is(",")) {
        continue;
      }
      for (int j = i + 2; j < Math.min(units.size(), i + 7); j++) {
        Unit o = units.get(j);
        if (o.isPunct()) {
          break;
        }
        if (o.isEntity()) {
          boolean owns = "ORG".equals(o.type) && j + 2 < units.size() && units.get(j + 1).is("'s")
              && units.get(j + 2).has(F_ROLE_HEADS);
          boolean of = "ORG".equals(o.type) && j >= i + 4 && (units.get(j - 1).is("of")
              || units.get(j - 1).is("at")) && units.get(j - 2).has(F_ROLE_HEADS);
          if (owns || of) {
            affiliation.putIfAbsent(p.entity, o.entity);
          }
          break;
        }
      }
    }
  }

  void tokenize(List<EntityMention> entities) {
    record Mention(int start, int end, String id, String type) {}
    List<Mention> mentions = new ArrayList<>();
    for (EntityMention e : entities) {
      mentionCounts.merge(e.id(), Math.max(1, e.mentions()), Integer::sum);
      if ("LAW".equals(e.type()) || "PRODUCT".equals(e.type())) {
        mute.add(e.id());
      }
      for (int[] span : e.spans()) {
        if (span.length == 2 && span[0] >= 0 && span[1] <= text.length() && span[0] < span[1]) {
          mentions.add(new Mention(span[0], span[1], e.id(), e.type()));
        }
      }
    }
    mentions.sort(Comparator.comparingInt(Mention::start)
        .thenComparing(Comparator.comparingInt(Mention::end).reversed()));
    int sentence = 0;
    int m = 0;
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      int s = matcher.start();
      while (sentence < sentences.size() - 1 && s >= sentences.get(sentence).end()) {
        sentence++;
      }
      while (m < mentions.size() && mentions.get(m).end() <= s) {
        m++;
      }
      if (m < mentions.size() && mentions.get(m).start() < matcher.end()) {
        Mention mention = mentions.get(m);
        Unit last = units.isEmpty() ? null : units.get(units.size() - 1);
        if (last != null && last.isEntity() && last.start == mention.start()) {
          continue;
        }
        Unit u = new Unit(mention.start(), mention.end(), mention.id(), sentence);
        u.entity = mention.id();
        u.type = mention.type();
        units.add(u);
        continue;
      }
      String norm = matcher.group().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      if (norm.endsWith("n't") && !norm.equals("n't")) {
        Unit stem = new Unit(s, matcher.end() - 3, norm.substring(0, norm.length() - 3),
            sentence);
        stem.lx = lex.entry(stem.norm);
        units.add(stem);
        norm = "n't";
        s = matcher.end() - 3;
      }
      Unit w = new Unit(s, matcher.end(), norm, sentence);
      w.lx = lex.entry(norm);
      units.add(w);
    }
  }

  Unit entityUnit(String id, String speaker) {
    Unit t = new Unit(0, 0, id, 0);
    t.entity = id.equals(SPEAKER) ? speaker : id;
    return t;
  }

  boolean roleFollows(List<Unit> c, int j) {
    for (int k = j + 1; k < Math.min(c.size(), j + 4); k++) {
      if (c.get(k).isEntity() || c.get(k).isPunct()) {
        return false;
      }
      if (c.get(k).has(F_ROLE_HEADS)) {
        return true;
      }
    }
    return false;
  }

  /** "ban" after a name is a noun ("the WeChat ban"); "hit", also a past tense, is not. */
  boolean isBareLemma(Unit u) {
    return u.lx.bareLemma();
  }

  boolean isNounLike(Unit u) {
    if (u.isEntity() || u.isPunct()) {
      return false;
    }
    String w = u.norm;
    return !AUX.contains(w) && !PREPOSITIONS.contains(w) && !FUNCTION.contains(w)
        && !w.endsWith("ed") && !w.endsWith("ly") && u.lx.verbs().isEmpty()
        && u.lx.speech().isEmpty() && u.lx.urge().isEmpty() && !w.equals("'s")
        && !CLAUSE_BREAKS.contains(w) && !NEGATORS.contains(w) && !w.equals("n't")
        && !REFUSALS.contains(w) && !IRREGULAR_PAST.contains(w);
  }

  /** "confidence in the Commission", "disappointed with X": the word before says it. */
  boolean afterValencePreposition(List<Unit> c, int at) {
    int k = at - 1;
    if (k > 0 && c.get(k).is("the")) {
      k--;
    }
    return k > 0 && c.get(k).has(F_PREPOSITIONS) && !c.get(k).isEntity()
        && c.get(k - 1).lx.valence() != 0;
  }

  /** "U.S. national security concerns": a name modifying a noun, with no verb of its own. */
  boolean modifierOnly(List<Unit> c, int at) {
    if (at + 1 >= c.size() || !isNounLike(c.get(at + 1))
        || c.get(at + 1).lx.valence() != 0) {
      return false; // "prove the FTC wrong": the word after is what is said of it
    }
    for (int k = at + 2; k < Math.min(c.size(), at + 4); k++) {
      if (c.get(k).has(F_AUX) || c.get(k).has(F_COPULA)) {
        return false;
      }
    }
    return true;
  }

  boolean precededByPreposition(List<Unit> c, int j) {
    for (int k = j - 1; k >= 0 && k >= j - 3; k--) {
      Unit u = c.get(k);
      if (u.has(F_PREPOSITIONS) && !u.isEntity()) {
        // "lawmakers in Montana", "officials from the EU" act for the entity
        return !((u.is("in") || u.is("from") || u.is("at") || u.is("for")) && k > 0
            && c.get(k - 1).has(F_ROLE_HEADS) && (k < 2 || !c.get(k - 2).isEntity()));
      }
      if (!(u.is("the") || u.is("a") || u.is("an") || (!u.isEntity() && !u.isPunct()
          && Character.isUpperCase(text.charAt(u.start))))) {
        return false;
      }
    }
    return false;
  }

  /** A word that may head or modify a noun phrase ("step", which is also a verb, too). */
  boolean plainWord(Unit u) {
    return !u.isEntity() && !u.isPunct() && !u.has(F_AUX)
        && !u.has(F_FUNCTION) && !u.has(F_PREPOSITIONS)
        && !u.has(F_CLAUSE_BREAKS) && u.lx.speech().isEmpty()
        && !u.has(F_NEGATORS);
  }

  void emit(String holder, String target, Pol pol, double confidence, int sentence) {
    if (speakerNow != null && holder != null && holder.equals(affiliation.get(speakerNow))) {
      holder = speakerNow; // "Whittaker said the company would leave X": her stance
    }
    if (holder == null || target == null || holder.equals(target) || pol == null
        || holder.equals(UNKNOWN) || target.equals(UNKNOWN) || mute.contains(holder)) {
      return;
    }
    found.add(new Found(holder, target, pol, Math.min(0.95, confidence), sentence));
  }

  List<StanceTag> collect(boolean perSentence) {
    Map<String, Found> best = new LinkedHashMap<>();
    for (Found f : found) {
      String key = f.holder() + "\u0000" + f.target() + "\u0000" + f.pol()
          + (perSentence ? "\u0000" + f.sentence() : "");
      Found prev = best.get(key);
      if (prev == null || f.confidence() > prev.confidence()) {
        best.put(key, f);
      }
    }
    List<StanceTag> out = new ArrayList<>();
    for (Found f : best.values()) {
      double c = Math.round(f.confidence() * 100) / 100.0;
      SentenceSplitter.Span span = sentences.get(f.sentence());
      out.add(new StanceTag(f.holder(), f.target(), f.pol().name(), c, span.of(text),
          new int[] {span.start(), span.end()}));
    }
    return out;
  }
}
