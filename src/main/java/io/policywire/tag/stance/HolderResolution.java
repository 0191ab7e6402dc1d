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

/** Who holds a stance: the subject of a verb (over appositions, relative and subordinate
 * clauses, coordination, possessors, "X urged Y to"), or the speaker. */
abstract class HolderResolution extends Anaphora {

  HolderResolution(StanceLexicon lex, String text) {
    super(lex, text);
  }

  /** "urged X not to VERB": the urger's stance is the verb's, reversed. */
  boolean urgedNot(List<Unit> c, int verb) {
    return verb >= 3 && c.get(verb - 1).is("to") && c.get(verb - 2).is("not")
        && c.get(verb - 3).isEntity();
  }

  /** "X urged Y to ban Z": X holds the stance toward Z, not Y. */
  Object urgerOf(List<Unit> c, int verb, String speaker) {
    int k = verb - 1;
    while (k >= 0 && !c.get(k).is("to") && verb - k < 3) {
      k--;
    }
    if (k < 1 || !c.get(k).is("to")) {
      return null;
    }
    int named = urgedNot(c, verb) ? k - 2 : k - 1; // "urged X not to delay Y"
    int j = named;
    while (j >= 0 && (c.get(j).isEntity() || c.get(j).is("and") || c.get(j).is(",")
        || c.get(j).is("the") || c.get(j).is("'s"))) {
      j--;
    }
    if (j == named || j < 0) {
      return null;
    }
    for (int start = j; start >= Math.max(0, j - 2); start--) {
      int len = phraseAt(c, start, c.get(start).lx.urge(), c.get(start));
      if (len > 0 && start + len - 1 == j) {
        Object urger = subjectBefore(c, start, speaker);
        return urger != null ? urger : firstSubjectEntityBefore(c, start);
      }
    }
    return null;
  }

  Object verbSubject(List<Unit> c, int verb, String speaker, Object inherited) {
    // "Russia's decision to block X", "the FTC's attempt to stop X": the possessor acts
    if (verb >= 4 && c.get(verb - 1).is("to") && isNounLike(c.get(verb - 2))
        && c.get(verb - 3).is("'s") && c.get(verb - 4).isEntity()) {
      return c.get(verb - 4).entity;
    }
    if (verb >= 4 && c.get(verb - 1).is("to") && isNounLike(c.get(verb - 2))
        && c.get(verb - 3).has(F_POSSESSIVES) && !c.get(verb - 3).is("the")) {
      // "thanked X for his efforts to save Y": the nearest name before the possessive
      boolean person = c.get(verb - 3).is("his") || c.get(verb - 3).is("her");
      for (int k = verb - 4; k >= 0; k--) {
        if (c.get(k).isEntity() && "PERSON".equals(c.get(k).type) == person) {
          return c.get(k).entity;
        }
      }
    }
    if (verb >= 2 && c.get(verb).norm.endsWith("ing") && c.get(verb - 2).isEntity()
        && (c.get(verb - 1).is("for") || c.get(verb - 1).is("of"))) {
      return c.get(verb - 2).entity; // "criticized X for blocking Y": X blocks
    }
    int k = verb - 1;
    while (k >= 0 && !c.get(k).isEntity() && (c.get(k).has(F_AUX)
        || c.get(k).norm.endsWith("ly"))) {
      k--;
    }
    if (k >= 0 && !c.get(k).isEntity() && (c.get(k).is("which") || c.get(k).is("that")
        || c.get(k).is("who"))) {
      // "pressure, which ordered …", "a bill that funds …": the antecedent, if it is a name
      int a = k - 1;
      if (a >= 0 && c.get(a).is(",")) {
        a--;
      }
      if (a >= 0 && c.get(a).isEntity()) {
        // "a chip for China that complies with": a name in a phrase is no antecedent
        return precededByPreposition(c, a) ? null : c.get(a).entity;
      }
      for (int b = a; b >= Math.max(1, a - 4); b--) {
        if (c.get(b).is("among") || c.get(b).is("of") && c.get(b - 1).is("one")) {
          Object among = subjectBefore(c, c.get(b).is("of") ? b - 1 : b, speaker);
          return among instanceof String ? among : null; // "X was among the figures who"
        }
      }
      return null;
    }
    Object s = subjectBefore(c, verb, speaker);
    if (s == null) {
      s = relativeAntecedent(c, verb);
    }
    if (s == null) {
      s = subordinateSubject(c, verb);
    }
    if (s == null && speaker != null && !c.isEmpty() && !c.get(0).isEntity()
        && (c.get(0).has(F_SPEAKER_PRONOUNS) || c.get(0).has(F_FIRST_PERSON))
        && coordinated(c, verb)) {
      s = SPEAKER; // "[Telegram said] it abides by EU laws … and called it absurd that …"
    }
    if (s == null) {
      s = firstSubjectEntityBefore(c, verb);
    }
    if (s == null) {
      s = inherited;
    }
    if (s == null && speaker != null) {
      s = SPEAKER; // "..., urging the agency to drop the case" inside a quote
    }
    return s;
  }

  /**
   * "after the company placed a link urging users to oppose X": the subject of the
   * subordinate clause (after, because, when…) the verb at k is in; else null.
   */
  String subordinateSubject(List<Unit> c, int k) {
    for (int j = k - 1; j >= 0 && j >= k - 15; j--) {
      Unit u = c.get(j);
      if (u.isPunct()) {
        return null;
      }
      if (!u.isEntity() && u.has(F_SUBORDINATORS) && j + 2 < k
          && c.get(j + 1).isEntity() && !"GPE".equals(c.get(j + 1).type)) {
        Unit next = c.get(j + 2);
        boolean verb = !next.isEntity() && (next.has(F_AUX) || next.norm.endsWith("ed")
            || !next.lx.verbs().isEmpty() || next.has(F_IRREGULAR_PAST));
        return verb ? c.get(j + 1).entity : null;
      }
    }
    return null;
  }

  /** No verb before the comma at k: what precedes it is a subject, not a clause. */
  boolean describesSubject(List<Unit> c, int k) {
    for (int j = k - 1; j >= 0; j--) {
      Unit u = c.get(j);
      if (u.isPunct() && !u.is("'")) {
        return false;
      }
      if (!u.isEntity() && (!u.lx.verbs().isEmpty() || !u.lx.speech().isEmpty()
          || u.norm.endsWith("ed") || u.has(F_IRREGULAR_PAST))) {
        return false;
      }
    }
    return true;
  }

  /**
   * "Breton, who used it to open proceedings against X": in a relative clause, the name the
   * "who" or "which" follows acts (no name nor punctuation between it and k); else null.
   */
  String relativeAntecedent(List<Unit> c, int k) {
    for (int j = k - 1; j >= 1 && j >= k - 10; j--) {
      Unit u = c.get(j);
      if (u.isEntity() || u.isPunct()) {
        return null;
      }
      if (u.is("who") || u.is("which")) {
        int a = c.get(j - 1).is(",") ? j - 2 : j - 1;
        // "drafted by X, who …" is X; "the ban on X, which …" is the ban
        return a >= 0 && c.get(a).isEntity() && (u.is("who") || !precededByPreposition(c, a))
            ? c.get(a).entity : null;
      }
    }
    return null;
  }

  /**
   * "Broadcom's bid for Qualcomm was blocked": the possessor heading the subject before a
   * passive verb at k, when no other verb comes between; else null.
   */
  String possessorSubject(List<Unit> c, int k) {
    Object first = firstSubjectEntityBefore(c, k);
    if (!(first instanceof String id)) {
      return null;
    }
    int at = -1;
    for (int j = 0; j < k; j++) {
      if (c.get(j).isEntity() && c.get(j).entity.equals(id)) {
        at = j;
        break;
      }
    }
    if (at < 0 || at + 1 >= k || !c.get(at + 1).is("'s")) {
      return null;
    }
    for (int j = at + 2; j < k; j++) {
      Unit u = c.get(j);
      if (j > at + 2 && c.get(j - 1).is("to")) {
        continue; // "Meta's decision to block news … was criticised"
      }
      boolean head = j <= at + 3 && !u.norm.endsWith("ed"); // "X's age-verification rules"
      if (!u.isEntity() && !u.has(F_AUX) && (!u.lx.verbs().isEmpty() && !head
          || !u.lx.speech().isEmpty() || u.norm.endsWith("ed") || u.isPunct()
          && !u.is("$") || u.has(F_CLAUSE_BREAKS) || u.is("that"))) {
        return null;
      }
    }
    return id;
  }

  /** The entity (or speaker pronoun) right before position k, across auxiliaries. */
  Object subjectBefore(List<Unit> c, int k, String speaker) {
    int skipped = 0;
    for (int j = k - 1; j >= 0; j--) {
      Unit u = c.get(j);
      if (u.isEntity()) {
        if (precededByPreposition(c, j)) {
          return null;
        }
        return speaker != null && u.entity.equals(speaker) ? SPEAKER : u.entity;
      }
      if (u.has(F_SPEAKER_PRONOUNS) || u.has(F_FIRST_PERSON)) {
        if (speaker == null && u.is("it")) {
          // the clause's subject if it is no person ("Although Apple supported the FBI, it
          // rejected …"), else the nearest name before that is none ("Musk lashed out at
          // Brazil's top court after it ordered …")
          Object first = firstSubjectEntityBefore(c, j);
          for (int a = 0; a < j && first instanceof String f; a++) {
            if (c.get(a).isEntity() && c.get(a).entity.equals(f)) {
              if (!"PERSON".equals(c.get(a).type)) {
                return f;
              }
              break;
            }
          }
          for (int a = j - 1; a >= 0; a--) {
            if (c.get(a).isEntity() && !"PERSON".equals(c.get(a).type)) {
              return c.get(a).entity;
            }
          }
        }
        return speaker != null ? SPEAKER : null;
      }
      if (u.has(F_AUX) || u.norm.endsWith("ly") || u.is("n't")
          || u.has(F_REFUSALS) || u.has(F_TEMPORAL)) {
        if (++skipped > 5) {
          return null;
        }
        continue;
      }
      if (u.is(",")) {
        if (j >= 3 && c.get(j - 1).isEntity() && c.get(j - 2).is(",")
            && !c.get(j - 3).isEntity() && describesSubject(c, j - 2)) {
          // "Australia's online safety chief, Julie Inman Grant, went to war with X": the
          // name in apposition to a description is who acts
          return speaker != null && c.get(j - 1).entity.equals(speaker) ? SPEAKER
              : c.get(j - 1).entity;
        }
        if (j >= 1 && c.get(j - 1).isEntity() && j + 1 == k && k < c.size()
            && c.get(k).norm.endsWith("ed") && !precededByPreposition(c, j - 1)) {
          return c.get(j - 1).entity; // "TikTok, accused of ... by X,"
        }
        // "X, the Chinese owner of Y, sued ...": step over an appositive
        int back = j - 1;
        while (back >= 0 && !c.get(back).is(",") && j - back < 10) {
          back--;
        }
        if (back >= 1 && c.get(back).is(",") && c.get(back - 1).isEntity()) {
          return c.get(back - 1).entity;
        }
        return null;
      }
      return null;
    }
    return null;
  }

  Object sentenceSubject(List<Unit> c, int before) {
    return firstSubjectEntityBefore(c, before);
  }

  Object firstSubjectEntity(List<Unit> c) {
    return firstSubjectEntityBefore(c, c.size());
  }

  /** The first entity not inside a prepositional phrase nor used as a modifier. */
  Object firstSubjectEntityBefore(List<Unit> c, int before) {
    for (int j = 0; j < before; j++) {
      Unit u = c.get(j);
      boolean ledBy = j >= 2 && c.get(j - 1).is("by")
          && (c.get(j - 2).is("led") || c.get(j - 2).is("headed"));
      if (!u.isEntity() || precededByPreposition(c, j) && !ledBy) {
        continue; // "groups, led by X, ..." : X acts for them
      }
      if (u.possessed != null && c.indexOf(u.possessed) > j) {
        continue; // "Brazil's Supreme Federal Court ordered": the court acts
      }
      if (j + 1 < c.size() && (c.get(j + 1).is("\u2014") || c.get(j + 1).is("\u2013")
          || c.get(j + 1).is("-") || c.get(j + 1).is(":"))) {
        continue; // a dateline: "BRUSSELS — The Commission fined …"
      }
      if (j + 1 < c.size() && isNounLike(c.get(j + 1)) && !roleFollows(c, j)) {
        continue; // "Chinese internet users", "the Buzzfeed report"
      }
      int p = j + 1;
      while (p < Math.min(before, j + 4) && !c.get(p).isEntity()
          && c.get(p).has(F_ROLE_HEADS)) {
        p++;
      }
      if (p > j + 1 && p < before && c.get(p).isEntity() && "PERSON".equals(c.get(p).type)) {
        return c.get(p).entity; // "Nvidia chief Jensen Huang": the person acts
      }
      return u.entity;
    }
    return null;
  }

  /** The verb at k follows "and" (over auxiliaries): it shares the sentence's subject. */
  boolean coordinated(List<Unit> us, int k) {
    for (int j = k - 1; j >= 0; j--) {
      Unit u = us.get(j);
      if (u.is("and") || u.is("but")) {
        return true; // "X complied with Y, but said the rules …"
      }
      if (u.isEntity() || !(u.has(F_AUX) || u.norm.endsWith("ly"))) {
        return false;
      }
    }
    return false;
  }

  String resolve(Object subject, String speaker) {
    if (subject == null) {
      return null;
    }
    return subject.equals(SPEAKER) ? speaker : (String) subject;
  }
}
