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
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Clause structure around a stance word: negation, refusal, denial, promise and obligation
 * before a verb, passive voice, and a phrase summing up the clause before it. */
abstract class ClauseScope extends TargetResolution {

  ClauseScope(StanceLexicon lex, String text) {
    super(lex, text);
  }

  boolean negatedWord(List<Unit> c, int i) {
    return wordBefore(c, i, 3, u -> u.isEntity() || u.is(","), k -> negator(c.get(k)));
  }

  private static boolean negator(Unit u) {
    return u.has(F_NEGATORS) || u.is("n't");
  }

  /** "denied reports that it would drop X": a denial a few words before the verb. */
  boolean denied(List<Unit> c, int verb) {
    return wordBefore(c, verb, 7, k -> c.get(k).has(F_DENIALS));
  }

  /** "said it would comply with X": a promise to obey, no more a stance than "must". */
  boolean promised(List<Unit> c, int verb) {
    return wordBefore(c, verb, 3, k -> c.get(k).is("would") || c.get(k).is("will")
        || c.get(k).is("'ll"));
  }

  boolean obliged(List<Unit> c, int verb) {
    return wordBefore(c, verb, 3, k -> {
      Unit u = c.get(k);
      return u.is("must") || u.is("required") || u.is("forced") || u.is("obliged")
          || u.is("compelled") || (u.is("has") || u.is("have") || u.is("had"))
          && k + 1 < c.size() && c.get(k + 1).is("to");
    });
  }

  /**
   * Whether one of the {@code n} units before {@code at}, in the same stretch of words (no
   * entity or punctuation in between), is one {@code wanted} accepts (by its index).
   */
  static boolean wordBefore(List<Unit> c, int at, int n, IntPredicate wanted) {
    return wordBefore(c, at, n, u -> u.isEntity() || u.isPunct(), wanted);
  }

  /** As above, the stretch ending at the first unit (walking back) that {@code stop} accepts. */
  static boolean wordBefore(List<Unit> c, int at, int n, Predicate<Unit> stop,
      IntPredicate wanted) {
    for (int k = at - 1; k >= 0 && k >= at - n; k--) {
      if (stop.test(c.get(k))) {
        return false;
      }
      if (wanted.test(k)) {
        return true;
      }
    }
    return false;
  }

  enum Negation { NONE, NOT, REFUSED, DECLINED, DENIED }

  Negation negation(List<Unit> c, int verb) {
    for (int k = verb - 1; k >= 0 && k >= verb - 4; k--) {
      Unit u = c.get(k);
      if (u.isEntity() || u.isPunct()) {
        return Negation.NONE;
      }
      if (u.is("short") && c.get(k + 1).is("of")) {
        return Negation.DENIED; // "stopped short of criticizing X": no stance either way
      }
      if (u.has(F_REFUSALS)) {
        return u.norm.startsWith("declin") ? Negation.DECLINED : Negation.REFUSED;
      }
      if (u.has(F_DENIALS)) {
        return Negation.DENIED; // "denied that it had pressured X": no stance either way
      }
      if (u.has(F_NEGATORS) || u.is("n't")) {
        return Negation.NOT;
      }
    }
    return Negation.NONE;
  }

  boolean isPassive(List<Unit> c, int i, Unit verb) {
    if (!verb.lx.participle() && !verb.norm.endsWith("ed")) {
      return false;
    }
    int k = i - 1;
    boolean perfect = false;
    while (k >= 0 && !c.get(k).isEntity()
        && (c.get(k).norm.endsWith("ly") || c.get(k).has(F_NEGATORS)
            || c.get(k).is("n't") || c.get(k).is("also") || c.get(k).is("been")
            || c.get(k).is("being") || c.get(k).is("have") || c.get(k).is("has")
            || c.get(k).is("had"))) {
      if (c.get(k).is("been") || c.get(k).is("being")) {
        return true;
      }
      perfect |= c.get(k).is("have") || c.get(k).is("has") || c.get(k).is("had");
      k--;
    }
    if (perfect) {
      return false; // "X has stood by Y": active, whatever "by" follows
    }
    if (k >= 0 && !c.get(k).isEntity() && c.get(k).has(F_BE)) {
      return true;
    }
    // reduced relative: "TikTok, accused of espionage by the administration, ..."
    boolean afterCommaOrName = k >= 0 && (c.get(k).is(",") || c.get(k).isEntity());
    // "condemned the restrictions imposed by X": a verb with an object is active
    boolean object = i + 1 < c.size() && (c.get(i + 1).isEntity() || c.get(i + 1).is("a")
        || c.get(i + 1).is("an") || c.get(i + 1).has(F_POSSESSIVES));
    if (afterCommaOrName && !object && agentAfter(c, i + 1) != null) {
      return true;
    }
    // "…, a step hailed by parents and opposed by Meta"
    return i + 2 < c.size() && c.get(i + 1).is("by") && summative(c, i) >= 0;
  }

  /**
   * "Utah required age checks, a measure backed by Meta": the comma opening a noun phrase
   * that sums up the clause before it and ends in the participle at i; else -1.
   */
  int summative(List<Unit> c, int i) {
    for (int k = i - 1; k >= 1 && k >= i - 12; k--) {
      Unit u = c.get(k);
      if (u.is(",")) {
        boolean article = c.get(k + 1).is("a") || c.get(k + 1).is("an")
            || c.get(k + 1).is("the") || c.get(k + 1).is("one");
        return article && k + 2 < i && plainWord(c.get(k + 2)) ? k : -1;
      }
      boolean participle = !u.isEntity() && (u.norm.endsWith("ed") || u.lx.participle()
          || u.has(F_IRREGULAR_PAST));
      if (!(u.isEntity() || participle || plainWord(u) || u.is("a") || u.is("an")
          || u.is("the") || u.is("and") || u.is("by") || u.is("'") || u.is("'s"))) {
        return -1;
      }
    }
    return -1;
  }

  /** "had not landed on a view": a negator up to n words before k, in the same phrase. */
  boolean negatedWithin(List<Unit> c, int k, int n) {
    return wordBefore(c, k, n, u -> u.isEntity() || u.isPunct() && !isQuoteMark(u),
        j -> negator(c.get(j)));
  }

  /** "declined to take a position on": a refusal a few words before k. */
  boolean refusedBefore(List<Unit> c, int k) {
    return wordBefore(c, k, 5, j -> c.get(j).has(F_REFUSALS));
  }

  /**
   * "accused Washington of trying to bully Brazil", "accusing the Netherlands of abusing…": a
   * verb inside the "of" phrase of an accusation (the accuser's stance is toward the accused).
   */
  boolean accusedOf(List<Unit> c, int verb) {
    for (int k = verb - 1; k >= Math.max(1, verb - 5); k--) {
      Unit u = c.get(k);
      if (u.isPunct() && !isQuoteMark(u) || u.isEntity() || u.has(F_SUBORDINATORS)
          || u.has(F_CLAUSE_BREAKS)) {
        return false;
      }
      if (u.is("of")) {
        for (int e = k - 1; e >= Math.max(1, k - 4); e--) {
          if (c.get(e).isEntity()) {
            int a = e - 1;
            while (a > 0 && !c.get(a).isEntity() && (c.get(a).is("the") || c.get(a).is("a")
                || isNounLike(c.get(a)) && !c.get(a).norm.startsWith("accus"))) {
              a--; // "accused the Dutch government of", "accused US chipmaker X of"
            }
            return c.get(a).norm.startsWith("accus") && !c.get(a).isEntity();
          }
          if (c.get(e).isPunct()) {
            return false;
          }
        }
        return false;
      }
    }
    return false;
  }
}
