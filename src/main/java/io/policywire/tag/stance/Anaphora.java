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

/** What a description, pronoun or role word points back at ("the company", "the bureau", "he",
 * "the two operators"): resolved once per article, before any stance rule. */
abstract class Anaphora extends ArticleUnits {

  Anaphora(StanceLexicon lex, String text) {
    super(lex, text);
  }

  /** "the company", "the US president", "he": the most mentioned recent entity that fits. */
  void resolveAnaphora() {
    List<Unit> out = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      if ((u.is("the") && i + 2 < units.size() && units.get(i + 1).is("two")
          || u.is("both")) && !u.isEntity()) {
        int head = u.is("both") ? i + 1 : i + 2;
        Unit h = head < units.size() ? units.get(head) : null;
        String singular = h == null || h.isEntity() || !h.norm.endsWith("s") ? ""
            : h.norm.endsWith("ies") ? h.norm.substring(0, h.norm.length() - 3) + "y"
            : h.norm.substring(0, h.norm.length() - 1);
        List<Unit> pair = !ANAPHOR_HEADS.containsKey(singular) ? null
            : lastPair(out, u.sentence);
        if (pair != null) {
          // "Deutsche Telekom and Orange … Netflix accuses the two operators of …"
          for (int n = 0; n < 2; n++) {
            Unit a = new Unit(u.start, h.end, h.norm, u.sentence);
            a.entity = pair.get(n).entity;
            a.type = pair.get(n).type;
            a.anaphor = true;
            out.add(a);
            if (n == 0) {
              out.add(new Unit(u.start, u.start, "and", u.sentence));
            }
          }
          i = head;
          continue;
        }
      }
      if (PERSON_PRONOUNS.contains(u.norm) && !u.isEntity()) {
        String id = antecedent(out, Set.of("PERSON"), u.sentence);
        if (id != null && !inApposition(out, id)) {
          Unit a = new Unit(u.start, u.end, u.norm, u.sentence);
          a.entity = id;
          a.type = "PERSON";
          a.anaphor = true;
          out.add(a);
          continue;
        }
      }
      if (u.is("the") && i + 1 < units.size() && NAMED_HEADS.contains(units.get(i + 1).norm)
          && !units.get(i + 1).isEntity() && (i + 2 >= units.size()
              || units.get(i + 2).isPunct() || !isNounLike(units.get(i + 2))
              && !units.get(i + 2).is("of"))) {
        String id = named(out, units.get(i + 1).norm, u.sentence);
        if (id != null && !inApposition(out, id)) {
          Unit a = new Unit(u.start, units.get(i + 1).end, units.get(i + 1).norm, u.sentence);
          a.entity = id;
          a.type = typeOf(out, id);
          a.anaphor = true;
          out.add(a);
          i++;
          continue;
        }
      }
      if ((u.is("the") || u.is("an")) && !u.isEntity()) {
        int j = i + 1;
        int limit = Math.min(units.size(), i + 4);
        while (j < limit && (!units.get(j).isEntity() || "GPE".equals(units.get(j).type))
            && !units.get(j).isPunct() && !ANAPHOR_HEADS.containsKey(units.get(j).norm)) {
          j++;
        }
        if (j < limit && ANAPHOR_HEADS.containsKey(units.get(j).norm)
            && (u.is("the") || units.get(j).norm.equals("administration"))
            && !(j + 1 < units.size() && units.get(j + 1).is("of")
                && (ANAPHOR_HEADS.get(units.get(j).norm).contains("GOV")
                    || ANAPHOR_HEADS.get(units.get(j).norm).contains("LAW")))) {
          String head = units.get(j).norm;
          // "the social network" yes, "the network effect" no: the head ends the phrase
          boolean endsPhrase = j + 1 >= units.size() || units.get(j + 1).isPunct()
              || !isNounLike(units.get(j + 1));
          String id = !endsPhrase ? null : head.equals("administration")
              ? administration(out, u.sentence)
              : antecedent(out, ANAPHOR_HEADS.get(head), u.sentence);
          if (id != null && !inApposition(out, id)) {
            Unit a = new Unit(u.start, units.get(j).end, head, u.sentence);
            a.entity = id;
            a.type = ANAPHOR_HEADS.get(head).iterator().next();
            a.anaphor = true;
            out.add(a);
            i = j;
            continue;
          }
        }
      }
      out.add(u);
    }
    units.clear();
    units.addAll(out);
  }

  /**
   * "the administration" is the one named as such ("the Trump administration", "the US
   * government"): a guess by type alone would as readily pick a foreign government or a party.
   */
  String administration(List<Unit> before, int sentence) {
    for (int k = before.size() - 1; k >= 0; k--) {
      Unit b = before.get(k);
      if (b.sentence < sentence - 5) {
        break;
      }
      if (b.isEntity() && !b.anaphor) {
        String surface = text.substring(b.start, b.end).toLowerCase(Locale.ROOT);
        String after = text.substring(b.end, Math.min(text.length(), b.end + 16))
            .toLowerCase(Locale.ROOT);
        if (surface.contains("administration") || surface.contains("government")
            || after.matches("^['\u2019]?s? ?(administration|government).*")) {
          return b.entity;
        }
      }
    }
    return null;
  }

  /**
   * "Yelp and News Corp, longtime critics of the search giant, …": a description in a phrase
   * set off after a name (no verb between) does not point back at that name nor at the names
   * coordinated with it.
   */
  boolean inApposition(List<Unit> before, String id) {
    int k = before.size() - 1;
    if (k < 0 || !before.get(k).has(F_PREPOSITIONS) || before.get(k).isEntity()) {
      return false;
    }
    int sentence = before.get(k).sentence;
    for (; k >= 1 && before.get(k).sentence == sentence; k--) {
      Unit u = before.get(k);
      if (u.isEntity() || u.isPunct() && !u.is(",") || !u.lx.verbs().isEmpty()
          || !u.lx.speech().isEmpty() || u.has(F_AUX) || u.norm.endsWith("ed")
          || u.has(F_IRREGULAR_PAST)) {
        return false;
      }
      if (u.is(",")) {
        for (int j = k - 1; j >= 0 && before.get(j).isEntity(); j -= 2) {
          if (before.get(j).entity.equals(id)) {
            return true;
          }
          if (j < 1 || !(before.get(j - 1).is("and") || before.get(j - 1).is(","))) {
            break;
          }
        }
        return false;
      }
    }
    return false;
  }

  /** The latest "X and Y" of two names in the last two sentences, or null. */
  List<Unit> lastPair(List<Unit> before, int sentence) {
    for (int k = before.size() - 1; k >= 2; k--) {
      Unit b = before.get(k);
      if (b.sentence < sentence - 1) {
        return null;
      }
      if (b.isEntity() && !b.anaphor && before.get(k - 1).is("and")
          && before.get(k - 2).isEntity() && !before.get(k - 2).anaphor
          && (k < 3 || !before.get(k - 3).is(","))) {
        return List.of(before.get(k - 2), b);
      }
    }
    return null;
  }

  /** "the bureau": the latest entity of the last three sentences named "… Bureau". */
  String named(List<Unit> before, String head, int sentence) {
    for (int k = before.size() - 1; k >= 0; k--) {
      Unit b = before.get(k);
      if (b.sentence < sentence - 3) {
        return null;
      }
      if (b.isEntity() && !b.anaphor
          && text.substring(b.start, b.end).toLowerCase(Locale.ROOT).contains(head)) {
        return b.entity;
      }
    }
    return null;
  }

  String typeOf(List<Unit> before, String id) {
    for (int k = before.size() - 1; k >= 0; k--) {
      if (id.equals(before.get(k).entity)) {
        return before.get(k).type;
      }
    }
    return null;
  }

  String antecedent(List<Unit> before, Set<String> types, int sentence) {
    String best = null;
    int bestCount = -1;
    for (int k = before.size() - 1; k >= 0; k--) {
      Unit b = before.get(k);
      if (b.sentence < sentence - 3) {
        break;
      }
      if (b.isEntity() && !b.anaphor && types.contains(b.type)) {
        int count = mentionCounts.getOrDefault(b.entity, 1);
        if (count > bestCount) {
          best = b.entity;
          bestCount = count;
        }
      }
    }
    return best;
  }
}
