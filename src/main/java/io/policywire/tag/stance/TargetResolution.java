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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a stance points at: a verb's objects, a gerund's or passive's agents, coordinated names,
 * pronoun and possessive objects, parties of a dispute, a composed event object. */
abstract class TargetResolution extends SpeechAttribution {

  TargetResolution(StanceLexicon lex, String text) {
    super(lex, text);
  }

  String jurisdictionAfter(List<Unit> c, int from) {
    for (int k = from; k < Math.min(c.size(), from + 3); k++) {
      if (c.get(k).is("in") && k + 1 < c.size() && c.get(k + 1).isEntity()
          && ("GOV".equals(c.get(k + 1).type) || "GPE".equals(c.get(k + 1).type))) {
        return c.get(k + 1).entity;
      }
      if (c.get(k).isPunct()) {
        return null;
      }
    }
    return null;
  }

  /**
   * "Microsoft praised the FTC, while Sony attacked it": an object pronoun right after the
   * verb is the nearest earlier name of the sentence that fits it and is not the holder.
   */
  Unit pronounObject(List<Unit> c, int from, List<Unit> sentence, String holder) {
    if (from >= c.size() || !c.get(from).has(F_OBJECT_PRONOUNS)
        || c.get(from).isEntity()) {
      return null;
    }
    String pronoun = c.get(from).norm;
    boolean person = pronoun.equals("him") || pronoun.equals("her");
    if (pronoun.equals("us") || pronoun.equals("me") || pronoun.startsWith("it")
        && from + 1 < c.size() && c.get(from + 1).is("'s")) {
      return null;
    }
    int at = sentence.indexOf(c.get(from));
    for (int k = at - 1; k >= 0; k--) {
      Unit u = sentence.get(k);
      boolean urged = k + 2 < at && sentence.get(k + 1).is("to"); // "urged X to approve it"
      if (u.isEntity() && !u.entity.equals(holder) && "PERSON".equals(u.type) == person
          && !"GPE".equals(u.type) && u.possessed == null && !urged) {
        Unit t = new Unit(u.start, u.end, u.norm, u.sentence);
        t.entity = u.entity;
        t.type = u.type;
        t.anaphor = true;
        return t;
      }
    }
    if (speakerNow != null && !speakerNow.equals(UNKNOWN) && !speakerNow.equals(holder)) {
      // "Google said the Commission had fined it": in reported words, the speaker
      Unit t = entityUnit(speakerNow, speakerNow);
      t.anaphor = true;
      return t;
    }
    return null;
  }

  /** The names coordinated after the holder's first mention, all before k. */
  List<String> coordinatedAfter(List<Unit> c, String holder, int k) {
    List<String> out = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (c.get(j).isEntity() && c.get(j).entity.equals(holder)) {
        List<Unit> co = withCoordinated(c, j);
        for (int n = 1; n < co.size() && c.indexOf(co.get(n)) < k; n++) {
          out.add(co.get(n).entity);
        }
        return out;
      }
    }
    return out;
  }

  /**
   * "Bilirakis backed the Act, but the Chamber slammed its private right of action": the
   * latest earlier non-person name of the sentence, when it is in an earlier clause and is not
   * the holder; else null.
   */
  Unit possessiveObject(List<Unit> sentence, List<Unit> clause, Unit its,
      String holder) {
    int at = sentence.indexOf(its);
    for (int k = at - 1; k >= 0; k--) {
      Unit u = sentence.get(k);
      if (u.isEntity() && !"PERSON".equals(u.type) && !"GPE".equals(u.type)
          && u.possessed == null) {
        if (u.entity.equals(holder) || clause.contains(u)) {
          continue; // its own, or a name of this clause ("fined Google for favouring its …")
        }
        Unit t = new Unit(u.start, u.end, u.norm, u.sentence);
        t.entity = u.entity;
        t.type = u.type;
        t.anaphor = true;
        return t;
      }
    }
    if (speakerNow != null && !speakerNow.equals(UNKNOWN) && !speakerNow.equals(holder)
        && !"PERSON".equals(typeOf(units, speakerNow))) {
      Unit t = entityUnit(speakerNow, speakerNow); // "X said Y had banned its software": X's
      t.anaphor = true;
      return t;
    }
    return null;
  }

  /** "Match Group joined Epic Games in asking the judge to …": Epic Games acts too. */
  List<String> joinedIn(List<Unit> c, int verb) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k + 2 < verb; k++) {
      if (!c.get(k).isEntity() && c.get(k).norm.startsWith("join")
          && c.get(k + 1).isEntity()) {
        List<Unit> joined = withCoordinated(c, k + 1);
        int after = c.indexOf(joined.get(joined.size() - 1)) + 1;
        if (after < verb && c.get(after).is("in")) {
          joined.forEach(j -> out.add(j.entity));
        }
      }
    }
    return out;
  }

  /** "lobbying against it by X and Y": the agents of a gerund whose object comes first. */
  List<Unit> gerundAgents(List<Unit> c, int object) {
    if (object + 2 >= c.size() || !c.get(object + 1).is("by")
        || !(c.get(object).isEntity() || c.get(object).has(F_OBJECT_PRONOUNS))) {
      return List.of();
    }
    int a = c.get(object + 2).is("the") ? object + 3 : object + 2;
    return a < c.size() && c.get(a).isEntity() ? withCoordinated(c, a) : List.of();
  }

  /** The name at k and those coordinated after it ("from X and Y"). */
  List<Unit> withCoordinated(List<Unit> c, int k) {
    List<Unit> out = new ArrayList<>(List.of(c.get(k)));
    while (k + 2 < c.size() && (c.get(k + 1).is("and") || c.get(k + 1).is(","))) {
      if (c.get(k + 2).isEntity()) {
        k += 2;
      } else if (c.get(k + 2).is("the") && k + 3 < c.size() && c.get(k + 3).isEntity()) {
        k += 3; // "Kakao and the U.S. Chamber"
      } else {
        break;
      }
      out.add(c.get(k));
    }
    return out;
  }

  /** "Apple and Google were summoned": the names coordinated before the nearest one. */
  List<Unit> coordinatedBefore(List<Unit> c, String nearest) {
    List<Unit> out = new ArrayList<>();
    int at = -1;
    for (int k = 0; k < c.size(); k++) {
      if (c.get(k).isEntity() && c.get(k).entity.equals(nearest)) {
        at = k;
      }
    }
    while (at >= 2 && (c.get(at - 1).is("and") || c.get(at - 1).is(","))
        && c.get(at - 2).isEntity()) {
      out.add(c.get(at - 2));
      at -= 2;
    }
    return out;
  }

  String agentAfter(List<Unit> c, int from) {
    for (int k = from; k < Math.min(c.size(), from + 8); k++) {
      if (c.get(k).is("by")) {
        for (int j = k + 1; j < Math.min(c.size(), k + 5); j++) {
          if (c.get(j).isEntity()) {
            Unit owned = c.get(j).possessed;
            return owned != null && c.indexOf(owned) > j ? owned.entity : c.get(j).entity;
          }
          if (c.get(j).isPunct() || j > k + 1 && (c.get(j).is("in") || c.get(j).is("at"))
              && !c.get(j - 1).isEntity()) {
            return null; // "convicted by a jury in Manhattan": a place, not the agent
          }
        }
        return null;
      }
    }
    return null;
  }

  /** The entities a verb points at: the first one after it, and any coordinated with it. */
  List<Unit> objectsAfter(List<Unit> c, int from, boolean stopAtFrom) {
    List<Unit> out = new ArrayList<>();
    int k = from;
    int limit = Math.min(c.size(), from + 7);
    while (k < limit && !c.get(k).isEntity()) {
      Unit u = c.get(k);
      boolean appositive = u.is(",") && k + 1 < c.size() && c.get(k + 1).isEntity()
          && k - from <= 3 && k > from;
      if (appositive) {
        k++;
        break;
      }
      boolean through = k > from && !c.get(k - 1).isEntity() && k + 1 < c.size()
          && (u.is("to") && c.get(k - 1).is("access") && c.get(k + 1).isEntity()
                  && !(k + 2 < c.size() && c.get(k + 2).is("'s")) // "blocked access to X"
              || u.is("from") && c.get(k + 1).isEntity() && "ORG".equals(c.get(k + 1).type));
      if (through) {
        k++; // "banned equipment from Huawei": the maker, not a place
        continue;
      }
      if (u.is(".") || u.is(":") || u.is(",") || u.is(";") || u.is("that") || u.is("to")
          || u.is("by") && k == from || u.is("which") || u.is("who") || u.is("where")
          || u.is("when")
          || u.lx.participle() && k > from || u.has(F_OBJECT_PRONOUNS)
          || k > from + 1 && u.norm.endsWith("ing") && isNounLike(c.get(k - 1))
              && !c.get(k - 1).is("the")
          || k > from && (u.has(F_OBJECT_STOPS)
              || stopAtFrom && (u.is("from") || u.is("on")))) {
        return out;
      }
      k++;
    }
    if (k >= limit) {
      return out;
    }
    if (k + 2 < c.size() && c.get(k + 1).is("'s") && c.get(k + 2).isEntity()) {
      k += 2; // "Elon Musk's X": the thing possessed is the object
    } else if (c.get(k).possessed != null && c.indexOf(c.get(k).possessed) > k) {
      k = c.indexOf(c.get(k).possessed); // "South Korea's proposed PCPA"
    }
    out.add(c.get(k));
    while (k + 2 < c.size() && (c.get(k + 1).is("and") || c.get(k + 1).is(",")
        || c.get(k + 1).is("or"))) {
      int j = k + 2;
      if (c.get(j).is("and") || c.get(j).is("or")) {
        j++;
      }
      if (j + 1 < c.size() && c.get(j).is("the") && c.get(j + 1).isEntity()) {
        j++; // "WhatsApp or the Home Office"
      }
      if (j < c.size() && c.get(j).isEntity()) {
        out.add(c.get(j));
        k = j;
      } else {
        break;
      }
    }
    return out;
  }

  /**
   * The stance noun heading a verb's object ("the jury's verdict against", "the suspension
   * of"), when a name follows its preposition and no name comes before it; else null.
   */
  Unit composedObject(List<Unit> c, int from) {
    for (int k = from; k < Math.min(c.size(), from + 5); k++) {
      Unit u = c.get(k);
      if (u.isEntity() || u.isPunct() || u.is("to") || u.is("that")) {
        return null;
      }
      for (StanceLexicon.Noun noun : u.lx.nouns()) {
        if (noun.inverse() || k + 2 >= c.size() || !c.get(k + 1).is(noun.prep())) {
          continue;
        }
        int skip = skipToEntity(c, k + 2);
        if (skip >= 0) {
          return u;
        }
      }
    }
    return null;
  }

  /** How many units from {@code at} to the first name (over "the", "a", adjectives), or -1. */
  int skipToEntity(List<Unit> c, int at) {
    for (int k = at; k < Math.min(c.size(), at + 3); k++) {
      if (c.get(k).isEntity()) {
        return k - at;
      }
      if (c.get(k).isPunct()) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * The other names in the phrase a NEUTRAL stance is about: "neutral on [X's complaint about
   * Y's rules]", "no side in [the dispute between X and Y]"; the phrase ends at a verb, an
   * auxiliary, a clause break or punctuation.
   */
  List<Unit> partiesAfter(List<Unit> c, int at) {
    List<Unit> out = new ArrayList<>();
    for (int k = at + 1; k < Math.min(c.size(), at + 10); k++) {
      Unit u = c.get(k);
      if (u.isEntity()) {
        out.add(u);
        continue;
      }
      if (u.is("and") || u.is("or")) {
        if (k + 1 < c.size() && (c.get(k + 1).isEntity() || c.get(k + 1).is("the"))) {
          continue;
        }
        break; // "... and would let the process run its course"
      }
      if (u.isPunct() && !u.is("'") || u.is("to") || u.has(F_AUX)
          || u.has(F_CLAUSE_BREAKS) || u.has(F_SUBORDINATORS)
          || u.is("whether") || u.is("if") || u.is("that") || u.is("which") || u.is("who")
          || u.norm.endsWith("ing") || u.norm.endsWith("ed") || !u.lx.speech().isEmpty()
          || u.has(F_IRREGULAR_PAST)) {
        break; // a verb or a clause of its own ends the phrase
      }
    }
    return out;
  }
}
