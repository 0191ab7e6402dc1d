package io.policywire.tag.stance;

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

/**
 * Who is for or against whom: (clean text, entity mentions) → stance tags, sentence by sentence.
 *
 * <p>Holders are found by attribution (a quote's speaker after or before it, "according to X",
 * "X said that…", a quote continuing the previous speaker's), by the subject of a stance verb
 * (active, or the "by" agent of a passive), or the article itself ({@code author}) when it frames
 * an entity in its own voice with loaded words. Targets are the entities a stance verb or noun
 * points at ("sued X", "a ban on X"), or that a speaker's clause evaluates ("an administration
 * that does not respect…"). Negation, refusal and contrast clauses are scoped per clause. Nothing
 * is emitted without an explicit holder and target: neutral reporting yields nothing, or NEUTRAL
 * for a relation that takes no side ("met with", "in talks with").
 *
 * <p>Stateless and thread-safe; plain Java, called by the tag stage and {@code annotate} alike.
 */
public final class StanceAnalyzer {

  public static final String AUTHOR = "author";

  private final StanceLexicon lex;

  public StanceAnalyzer() {
    this(StanceLexicon.defaults());
  }

  StanceAnalyzer(StanceLexicon lex) {
    this.lex = lex;
  }

  /** One call's analysis: the stance rules (verbs, nouns, demands, naming, evaluation) over the
   * mechanisms of the classes it extends. */
  private static final class Run extends ClauseScope {

    Run(StanceLexicon lex, String text, List<EntityMention> entities) {
      super(lex, text);
      tokenize(entities);
      resolveAnaphora();
      findAffiliations();
      findPossessors();
      findQuotes();
    }

    List<StanceTag> analyze(boolean perSentence) {
      int k = 0;
      while (k < units.size()) {
        int s = units.get(k).sentence;
        int e = k;
        while (e < units.size() && units.get(e).sentence == s) {
          e++;
        }
        analyzeSentence(units.subList(k, e));
        k = e;
      }
      return collect(perSentence);
    }

    private void analyzeSentence(List<Unit> sentence) {
      Map<Integer, List<Unit>> quoted = new LinkedHashMap<>();
      List<Unit> narrative = new ArrayList<>();
      for (Unit u : sentence) {
        if (u.region >= 0 && !u.speechQuoteMark) {
          quoted.computeIfAbsent(u.region, r -> new ArrayList<>()).add(u);
        } else if (u.speechQuoteMark || !isQuoteMark(u)) {
          narrative.add(u);
        }
      }
      for (var entry : quoted.entrySet()) {
        String holder = regions.get(entry.getKey()).holder()[0];
        if (holder != null) {
          topic = regions.get(entry.getKey()).holder()[1];
          clauses(withoutQuoteMarks(entry.getValue()), holder, 0.85);
          topic = null;
        }
      }
      narrative(narrative);
    }

    private void narrative(List<Unit> us) {
      asked = askedAbout(us);
      try {
        narrativeOf(us);
      } finally {
        asked = List.of();
      }
    }

    private void narrativeOf(List<Unit> us) {
      // "according to X, ..." makes the rest of the sentence X's
      for (int i = 0; i + 2 < us.size(); i++) {
        if (us.get(i).is("according") && us.get(i + 1).is("to")) {
          for (int j = i + 2; j < Math.min(us.size(), i + 6); j++) {
            if (us.get(j).isEntity()) {
              List<Unit> content = new ArrayList<>(us.subList(0, i));
              int from = j + 1;
              while (from < us.size() && (us.get(from).is(",") || us.get(from).is("'s"))) {
                from++;
              }
              content.addAll(us.subList(from, us.size()));
              clauses(withoutSpeechMarks(content), us.get(j).entity, 0.8);
              return;
            }
          }
        }
      }
      for (int i = 0; i < us.size(); i++) {
        int len = phraseAt(us, i, us.get(i).lx.speech(), us.get(i));
        if (len == 0) {
          continue;
        }
        boolean nextIsEntity = i + len < us.size() && us.get(i + len).isEntity();
        if (nextIsEntity && !us.get(i).lx.verbs().isEmpty()) {
          continue; // "warned TikTok": a stance verb, not reported speech
        }
        int at = i;
        if (us.get(i).lx.verbs().stream()
            .anyMatch(v -> !v.particles().isEmpty() && phraseAt(us, at, List.of(v.particles()),
                us.get(at)) > 0)) {
          continue; // "responded to the Commission": a relation, not reported speech
        }
        boolean quoteAttribution = (i > 0 && nearQuoteMark(us, i, -1))
            || nearQuoteMark(us, i + len - 1, 1);
        if (quoteAttribution) {
          continue;
        }
        Unit prev = i > 0 ? us.get(i - 1) : null;
        if (prev != null && !prev.isEntity() && (prev.is("'s") || prev.is("the")
            || prev.is("a") || prev.is("an") || prev.is("its") || prev.is("their")
            || Character.isDigit(prev.norm.charAt(0)) || !prev.lx.verbs().isEmpty()
            || prev.is("to") || prev.has(F_PREPOSITIONS))
            || i + len < us.size() && !us.get(i + len).lx.verbs().isEmpty()
                && !us.get(i + len).isEntity()) {
          continue; // "16 states sued", "the company's statement", "minister of state": a noun
        }
        if (i + len < us.size() && us.get(i + len).is("to") && i + len + 1 < us.size()
            && !us.get(i + len + 1).isEntity() && !us.get(i + len + 1).is("the")) {
          continue; // "vowed to fight": a promise, not reported speech
        }
        Object speaker = subjectBefore(us, i, null);
        if (speaker == null && us.get(i).norm.endsWith("ing")) {
          for (int j = i - 1; j >= Math.max(0, i - 4) && !us.get(j).isPunct(); j--) {
            if (us.get(j).isEntity()) {
              if (!precededByPreposition(us, j) && !us.get(j + 1).is("'s")) {
                speaker = us.get(j).entity; // "X spent years warning that …": X's words
              }
              break;
            }
          }
        }
        if (speaker == null && (us.get(i).norm.endsWith("ing") || coordinated(us, i))) {
          speaker = sentenceSubject(us, i); // "claiming ...", "X sued Y and said ..."
        }
        if (speaker instanceof String s && !s.equals(SPEAKER)) {
          List<Unit> content = new ArrayList<>(us.subList(i + len, us.size()));
          // "told NPR that ...": the addressee is not part of what was said
          boolean telling = us.get(i).norm.startsWith("tol") || us.get(i).norm.startsWith("tell");
          if (telling && content.size() > 1 && content.get(0).is("the")
              && content.get(1).isEntity()) {
            content.remove(0); // "told the Senate committee that ..."
          }
          if (!content.isEmpty() && content.get(0).isEntity() && telling) {
            content.remove(0);
          }
          int comma = attributionComma(us, i, len);
          if (comma > 0) {
            // "Meta will not sign the code, its global affairs chief Joel Kaplan said, …"
            clauses(withoutSpeechMarks(us.subList(0, comma)), s, 0.75);
          } else {
            clauses(withoutSpeechMarks(us.subList(0, i)), null, 0.85);
          }
          clauses(withoutSpeechMarks(content), s, 0.75);
          if (us.get(i).norm.startsWith("warn")) {
            warning(content, s, us.get(i).sentence);
          }
          return;
        }
        // "..., the regulator said." / ", said X."
        if (i + len < us.size() && us.get(i + len).isEntity() && i > 0
            && us.get(i - 1).is(",")) {
          clauses(withoutSpeechMarks(us.subList(0, i - 1)), us.get(i + len).entity, 0.75);
          return;
        }
        if (i > 1 && us.get(i - 1).isEntity() && us.get(i - 2).is(",")) {
          clauses(withoutSpeechMarks(us.subList(0, i - 2)), us.get(i - 1).entity, 0.75);
          return;
        }
        // "critics say", "people familiar with the matter said": words of no entity
        List<Unit> before = us.subList(0, i);
        clauses(withoutSpeechMarks(before), UNKNOWN, 0.75);
        clauses(withoutSpeechMarks(us.subList(i + len, us.size())), UNKNOWN, 0.75);
        return;
      }
      clauses(withoutSpeechMarks(us), null, 0.85);
    }

    /**
     * "warning regulators that Microsoft could make the game exclusive": a warning of what a
     * name would do is a stance against it.
     */
    private void warning(List<Unit> content, String speaker, int sentence) {
      for (int k = 0; k < Math.min(content.size(), 4); k++) {
        if (content.get(k).isEntity() || content.get(k).isPunct()) {
          return;
        }
        if (content.get(k).is("that")) {
          int e = k + 1 < content.size() && content.get(k + 1).is("the") ? k + 2 : k + 1;
          if (e + 1 < content.size() && content.get(e).isEntity()
              && MODALS.contains(content.get(e + 1).norm)) {
            emit(speaker, content.get(e).entity, Pol.AGAINST, 0.6, sentence);
          }
          return;
        }
      }
    }

    // ---- clauses ---------------------------------------------------------------------------

    /**
     * Stances in a run of units. {@code speaker}: whose words these are (null for the article's
     * own narration); first-person and subject pronouns then stand for the speaker.
     */
    private void clauses(List<Unit> us, String speaker, double base) {
      String outer = speakerNow;
      speakerNow = speaker;
      try {
        clausesOf(us, speaker, base);
      } finally {
        speakerNow = outer;
      }
    }

    private void clausesOf(List<Unit> us, String speaker, double base) {
      List<List<Unit>> clauses = new ArrayList<>();
      List<Unit> current = new ArrayList<>();
      for (int k = 0; k < us.size(); k++) {
        Unit u = us.get(k);
        // "yet" joins clauses after a comma or "and", not in "not yet", "has yet to"
        boolean adverb = u.is("yet") && !(k > 0 && (us.get(k - 1).is(",")
            || us.get(k - 1).is("and")));
        if (!u.isEntity() && u.has(F_CLAUSE_BREAKS) && !adverb) {
          clauses.add(current);
          current = new ArrayList<>();
        } else {
          current.add(u);
        }
      }
      clauses.add(current);
      Object inherited = null;
      for (List<Unit> clause : clauses) {
        Object subject = clause(clause, speaker, base, inherited, us);
        if (subject != null) {
          inherited = subject;
        }
      }
    }

    /** Returns the clause's subject, for the next clause to inherit ("…but criticized X"). */
    private Object clause(List<Unit> c, String speaker, double base, Object inherited,
        List<Unit> sentence) {
      Object clauseSubject = null;
      Set<String> targeted = new java.util.HashSet<>();
      int sentenceIndex = c.isEmpty() ? 0 : c.get(0).sentence;
      for (int i = 0; i < c.size(); i++) {
        Unit u = c.get(i);
        if (u.isEntity()) {
          continue;
        }
        if (u.is("should") && speaker != null && i + 2 < c.size()
            && (c.get(i + 1).is("never") || c.get(i + 1).is("not") || c.get(i + 1).is("n't"))
            && c.get(i + 2).is("have")) {
          // "the agency should never have brought this case": the speaker faults the subject
          Object faulted = subjectBefore(c, i, speaker);
          if (faulted instanceof String f && !f.equals(SPEAKER)) {
            emit(speaker, f, Pol.AGAINST, base * 0.75, sentenceIndex);
            targeted.add(f);
          }
        }
        if (u.is("neither")) {
          int past = neitherNor(c, i, speaker, inherited, base, sentenceIndex, targeted);
          if (past > i) {
            i = past;
            continue;
          }
        }
        List<Verb> verbs = u.lx.verbs();
        if (u.is("back") && i > 0 && !c.get(i - 1).isEntity()
            && BACK_PARTICLE.matcher(c.get(i - 1).norm).matches()) {
          verbs = List.of(); // "pushing back the Act's date", "rolled back": a particle
        }
        boolean nominal = !verbs.isEmpty() && i > 0 && !c.get(i - 1).isEntity()
            && (c.get(i - 1).is("'s")
            || c.get(i - 1).has(F_FUNCTION) && !c.get(i - 1).is("and")
                && !c.get(i - 1).is("or") && !c.get(i - 1).is("who") && !c.get(i - 1).is("which")
                && !c.get(i - 1).is("that")
            || c.get(i - 1).has(F_PREPOSITIONS) && !c.get(i - 1).is("to")
                && !(u.norm.endsWith("ing") && c.get(i - 1).has(F_GERUND_PREPOSITIONS))
            || c.get(i - 1).has(F_NOUN_BEFORE) && !c.get(i - 1).isEntity()
                && !u.norm.endsWith("ing")
            || afterIndefiniteArticle(c, i))
            || !verbs.isEmpty() && i > 0 && c.get(i - 1).isEntity() && isBareLemma(u)
                && !(i > 1 && (c.get(i - 2).is("and") || c.get(i - 2).is(",")));
        for (Verb verb : nominal ? List.<Verb>of() : verbs) {
          // an adverb inside the phrase ("lobbied hard against") only for a verb taking a side:
          // "engage constructively with X" is no relation the text states as such
          int len = phraseAt(c, i, List.of(verb.particles()), u, verb.pol() != Pol.NEUTRAL);
          if (len == 0) {
            continue;
          }
          Object subject = verbSubject(c, i, speaker, inherited);
          if (clauseSubject == null && subject != null) {
            clauseSubject = subject;
          }
          if (accusedOf(c, i)) {
            i += len - 1;
            break; // "accused X of trying to bully Y": what X is accused of, no one's stance
          }
          if (obliged(c, i) || verb.lemma().equals("comply")
              && (promised(c, i) || butAfter(sentence, c.get(i)))) {
            i += len - 1;
            break; // "Apple must comply with", "would comply with": an obligation, no stance
          }
          Negation neg = negation(c, i);
          if (neg == Negation.DENIED || denied(c, i)) {
            i += len - 1;
            break;
          }
          Pol pol = verb.pol();
          double conf = base * (verb.weak() ? 0.8 : 1.0);
          if (neg == Negation.REFUSED) {
            pol = verb.pol() == Pol.FAVOR ? Pol.AGAINST : Pol.NEUTRAL;
            conf *= 0.8;
          } else if (neg == Negation.DECLINED) {
            // "declined to side with either X or Y": no side; "declined to comply with": against
            pol = verb.pol() == Pol.FAVOR ? verb.negated() : Pol.NEUTRAL;
            conf *= 0.8;
          } else if (neg == Negation.NOT) {
            pol = verb.negated();
            conf *= 0.75;
          }
          String holder;
          List<Unit> targets;
          List<Unit> agents = u.norm.endsWith("ing") ? gerundAgents(c, i + len) : List.of();
          if (!agents.isEmpty()) {
            // "after intense lobbying against it by Naver, Kakao and the US Chamber"
            holder = agents.get(0).entity;
            Unit object = c.get(i + len);
            Unit t = object.isEntity() ? object : pronounObject(c, i + len, sentence, holder);
            targets = t == null ? List.of() : List.of(t);
            for (Unit t2 : targets) {
              for (Unit a : agents) {
                emit(a.entity, t2.entity, pol, conf * 0.9, sentenceIndex);
              }
              targeted.add(t2.entity);
            }
            i += len - 1;
            break;
          } else if (isPassive(c, i, u)) {
            holder = agentAfter(c, i + len);
            if (holder == null && STATE_ACTS.contains(verb.lemma())) {
              holder = jurisdictionAfter(c, i + len); // "was banned in Turkey"
            }
            Object patient = subjectBefore(c, i, speaker);
            if (patient == null) {
              patient = possessorSubject(c, i);
            }
            if (patient == null && summative(c, i) >= 0) {
              patient = firstSubjectEntityBefore(c, summative(c, i)); // what the step sums up
            }
            targets = new ArrayList<>();
            if (patient instanceof String p) {
              targets.add(entityUnit(p, speaker));
              targets.addAll(coordinatedBefore(c, p));
            }
            conf *= 0.95;
          } else {
            Object urger = urgerOf(c, i, speaker);
            if (urger != null && urgedNot(c, i) && verb.pol() != Pol.NEUTRAL) {
              pol = verb.pol().flip(); // "urged X not to ban Y": for Y
            }
            Object h = urger != null ? urger : subject;
            holder = resolve(h, speaker);
            Unit composed = composedObject(c, i + len);
            if (composed != null && holder != null) {
              // "upheld the suspension of X", "welcomed the verdict against X"
              StanceLexicon.Noun noun = composed.lx.nouns().get(0);
              Unit t = c.get(c.indexOf(composed) + 2 + skipToEntity(c, c.indexOf(composed) + 2));
              emit(holder, t.entity, compose(pol, noun.pol()), conf * 0.85, sentenceIndex);
              targeted.add(t.entity);
              i += len - 1;
              break;
            }
            targets = objectsAfter(c, i + len, FROM_IS_PLACE.contains(verb.lemma()));
            if (verb.lemma().equals("warn") && !targets.isEmpty()) {
              int after = c.indexOf(targets.get(targets.size() - 1)) + 1;
              if (after < c.size() && isNounLike(c.get(after))) {
                after++; // "warned EU officials that"
              }
              if (after < c.size() && c.get(after).is("that")) {
                targets = List.of(); // whom a warning is addressed to
              }
            }
            int poss = i + len;
            if (poss + 2 < c.size() && !c.get(poss).isEntity() && c.get(poss).norm.endsWith("s")
                && isNounLike(c.get(poss)) && c.get(poss + 1).is("of")) {
              poss += 2; // "banned sales of its software": whose software
            }
            if (targets.isEmpty() && holder != null && poss < c.size()
                && (c.get(poss).is("its") || c.get(poss).is("their"))) {
              Unit owner = possessiveObject(sentence, c, c.get(poss), holder);
              if (owner != null) {
                targets = List.of(owner); // "slammed its private right of action": the bill's
              }
            }
            if (targets.isEmpty() && (subjectBefore(c, i, speaker) instanceof String
                || coordinated(c, i) && holder != null)) {
              Unit it = pronounObject(c, i + len, sentence, holder);
              if (it != null) {
                targets = List.of(it); // "Sony attacked it"
              }
            }
            if (targets.isEmpty() && topic != null && speaker != null) {
              targets = List.of(entityUnit(topic, speaker));
            }
          }
          List<String> holders = new ArrayList<>();
          holders.add(holder);
          if (holder != null && !holder.equals(speaker) && !isPassive(c, i, u)) {
            for (Unit co : coordinatedBefore(c, holder)) {
              holders.add(co.entity); // "Spotify and Epic stood with Basecamp"
            }
            for (String co : coordinatedAfter(c, holder, i)) {
              if (!holders.contains(co)) {
                holders.add(co); // "Meta and Google joined forces with publishers to oppose X"
              }
            }
            holders.addAll(joinedIn(c, i));
          }
          for (Unit t : targets) {
            for (String h : holders) {
              emit(h, t.entity, pol, conf * (t.anaphor ? 0.9 : 1.0), sentenceIndex);
            }
            targeted.add(t.entity);
            doubleNegative(c, t, holder, pol, conf, sentenceIndex);
            eventObject(c, t, holder, pol, conf, sentenceIndex);
          }
          if (verb.bad() && speaker != null && holder != null && !holder.equals(speaker)) {
            emit(speaker, holder, Pol.AGAINST, conf * 0.8, sentenceIndex);
            targeted.add(holder);
          }
          i += len - 1;
          break;
        }
        nounStance(c, i, speaker, inherited, base, sentenceIndex, targeted);
        judgement(c, i, speaker, inherited, base, sentenceIndex, targeted);
        agentNoun(c, i, sentence, base, sentenceIndex, targeted);
        if (u.has(F_WANTS) || !u.lx.urge().isEmpty()) {
          demand(c, i, speaker, inherited, base, sentenceIndex, targeted);
        }
        if (u.has(F_NAMING)) {
          naming(c, i, speaker, inherited, base, sentenceIndex, targeted, sentence);
        }
      }
      evaluate(c, speaker, clauseSubject != null ? clauseSubject : inherited, sentenceIndex,
          targeted, sentence);
      if (clauseSubject == null) {
        clauseSubject = firstSubjectEntity(c);
      }
      return clauseSubject;
    }

    /**
     * "neither for nor against X", "neither supports nor opposes X": NEUTRAL toward X. Returns
     * the index of X (the words before it are spent), or -1.
     */
    private int neitherNor(List<Unit> c, int i, String speaker, Object inherited, double base,
        int sentenceIndex, Set<String> targeted) {
      int nor = -1;
      for (int k = i + 2; k < Math.min(c.size(), i + 5); k++) {
        if (c.get(k).isEntity() || c.get(k).isPunct()) {
          return -1;
        }
        if (c.get(k).is("nor")) {
          nor = k;
          break;
        }
      }
      if (nor < 0 || nor + 1 >= c.size() || !polar(c.get(i + 1)) || !polar(c.get(nor + 1))) {
        return -1;
      }
      for (int k = nor + 2; k < Math.min(c.size(), nor + 6); k++) {
        if (c.get(k).isEntity()) {
          String holder = resolve(verbSubject(c, i, speaker, inherited), speaker);
          emit(holder, c.get(k).entity, Pol.NEUTRAL, base * 0.8, sentenceIndex);
          targeted.add(c.get(k).entity);
          return k;
        }
        if (c.get(k).isPunct()) {
          return -1;
        }
      }
      return -1;
    }

    /** A word that takes a side: "for", "against", or a stance verb. */
    private boolean polar(Unit u) {
      return !u.isEntity() && (u.is("for") || u.is("against") || u.lx.verbs().stream()
          .anyMatch(v -> v.pol() != Pol.NEUTRAL));
    }

    /** "X's ban on Y", "a lawsuit against Y" (holder: the clause's subject). */
    /** "delivered a damning verdict on X", "a glowing review of X": the adjective's side. */
    private void judgement(List<Unit> c, int i, String speaker, Object inherited, double base,
        int sentenceIndex, Set<String> targeted) {
      Unit u = c.get(i);
      if (i < 1 || i + 2 >= c.size() || u.isEntity() || !JUDGEMENTS.contains(u.norm)
          || c.get(i - 1).isEntity() || c.get(i - 1).lx.valence() == 0
          || !(c.get(i + 1).is("on") || c.get(i + 1).is("of"))) {
        return;
      }
      int t = c.get(i + 2).is("the") ? i + 3 : i + 2;
      if (t >= c.size() || !c.get(t).isEntity()) {
        return;
      }
      Unit target = c.get(t).possessed != null && c.indexOf(c.get(t).possessed) > t
          ? c.get(t).possessed : c.get(t);
      String holder = resolve(verbSubject(c, i, speaker, inherited), speaker);
      emit(holder, target.entity, c.get(i - 1).lx.valence() > 0 ? Pol.FAVOR : Pol.AGAINST,
          base * 0.7, sentenceIndex);
      targeted.add(target.entity);
    }

    /** "complied with X but 'strongly disagrees'": a "but" later in the sentence. */
    private boolean butAfter(List<Unit> sentence, Unit verb) {
      for (int k = sentence.indexOf(verb) + 1; k < sentence.size(); k++) {
        if (sentence.get(k).is("but")) {
          return true;
        }
      }
      return false;
    }

    /** "its fight against X" (one modifier at most): the name nearest before "its". */
    private String itsHolder(List<Unit> c, int i) {
      int p = i >= 1 && c.get(i - 1).is("its") ? i - 1
          : i >= 2 && c.get(i - 2).is("its") && !c.get(i - 1).isEntity() ? i - 2 : -1;
      for (int k = p - 1; k >= 0; k--) {
        Unit u = c.get(k);
        if (u.isEntity()) {
          return "PERSON".equals(u.type) || u.possessed != null ? null : u.entity;
        }
      }
      return null;
    }

    private void nounStance(List<Unit> c, int i, String speaker, Object inherited, double base,
        int sentenceIndex, Set<String> targeted) {
      List<StanceLexicon.Noun> nouns = c.get(i).lx.nouns();
      for (int n = 0; n < nouns.size(); n++) {
        StanceLexicon.Noun noun = nouns.get(n);
        if (noun.negOnly() && !(i > 0 && (c.get(i - 1).is("no") || c.get(i - 1).is("without")
                || c.get(i - 1).is("neutral")) // "taking a neutral stance on X"
            || negatedWord(c, i) || refusedBefore(c, i) || negatedWithin(c, i, 5))) {
          continue; // "X's position on Y" says nothing; "takes no position on Y" is NEUTRAL
        }
        int prep = prepositionAfter(c, i, noun);
        if (prep < 0 && n == nouns.size() - 1 && !noun.inverse() && !noun.reaction()
            && nouns.stream().anyMatch(o -> !o.prep().equals("against"))
            && i + 1 < c.size() && !c.get(i + 1).isEntity()
            && (noun.pol() == Pol.AGAINST ? AGAINST_PREPOSITIONS : noun.pol() == Pol.FAVOR
                ? FAVOR_PREPOSITIONS : Set.<String>of()).contains(c.get(i + 1).norm)) {
          prep = i + 1; // "a penalty against X" as "a penalty on X", "praise on X" as "for X"
        }
        if (prep < 0 && n == nouns.size() - 1 && !noun.inverse() && !noun.reaction()
            && noun.pol() != Pol.NEUTRAL && i + 2 < c.size() && c.get(i + 1).is("from")
            && nouns.stream().noneMatch(o -> o.inverse())) {
          // "lawsuits from X", "fines from X": X holds it, toward the clause's subject
          for (int j = i + 2; j < Math.min(c.size(), i + 5) && !c.get(j).isPunct(); j++) {
            if (c.get(j).isEntity()) {
              Object subject = firstSubjectEntityBefore(c, i);
              if (subject instanceof String s) {
                for (Unit h : withCoordinated(c, j)) {
                  emit(h.entity, s, noun.pol(), base * 0.7, sentenceIndex);
                }
                targeted.add(s);
              }
              return;
            }
          }
        }
        if (prep < 0) {
          continue;
        }
        Unit target = null;
        int targetAt = -1;
        int reach = c.get(prep).is("that") ? 3 : noun.pol() == Pol.NEUTRAL
            && (noun.reaction() || noun.negOnly()) ? 8 : 5; // "dismayed that the Commission"
        for (int j = prep + 1; j < Math.min(c.size(), prep + reach); j++) {
          if (c.get(j).isEntity()) {
            target = c.get(j);
            targetAt = j;
            int owned = target.possessed == null ? -1 : c.indexOf(target.possessed);
            if (owned > j) {
              target = c.get(owned); // "opponents of Colorado's AI Act"
              targetAt = owned;
            }
            break;
          }
          if (c.get(j).isPunct() || c.get(j).has(F_OBJECT_PRONOUNS) || c.get(j).is("and")
              || c.get(j).is("or") || c.get(j).is("in")) {
            break; // "praise from progressives and scorn from X", "ally of groups in X"
          }
        }
        if (target == null && noun.pol() == Pol.NEUTRAL && (noun.negOnly() || noun.reaction())
            && !asked.isEmpty() && speaker != null) {
          // "Asked about X and Y, Z said it does not take sides in commercial disputes"
          String holder = resolve(verbSubject(c, i, speaker, inherited), speaker);
          for (String t : asked) {
            emit(holder, t, Pol.NEUTRAL, base * 0.7, sentenceIndex);
            targeted.add(t);
          }
          return;
        }
        if (target == null) {
          return;
        }
        String holder;
        if (!noun.reaction() && (namedAs(c, i) || opensClause(c, i))) {
          return; // "called the tax an attack on X": the tax's attack, not the speaker's
        }
        if (noun.inverse()) {
          Object subject = firstSubjectEntityBefore(c, i);
          if (subject instanceof String s) {
            emit(target.entity, s, noun.pol(), base * 0.75, sentenceIndex);
            targeted.add(s);
          }
          return;
        }
        if (i >= 2 && c.get(i - 1).is("'s") && c.get(i - 2).isEntity()) {
          holder = c.get(i - 2).entity;
        } else if (i >= 3 && c.get(i - 2).is("'s") && c.get(i - 3).isEntity()) {
          holder = c.get(i - 3).entity;
        } else if (i >= 1 && c.get(i - 1).isEntity() && !c.get(i - 1).anaphor) {
          holder = c.get(i - 1).entity; // "US sanctions on X"
        } else if (i >= 2 && isNounLike(c.get(i - 1)) && c.get(i - 2).isEntity()
            && !c.get(i - 2).anaphor) {
          holder = c.get(i - 2).entity; // "US export controls on X"
        } else if (itsHolder(c, i) != null) {
          holder = itsHolder(c, i); // "backing Epic in its fight against Apple": Epic's
        } else {
          holder = resolve(verbSubject(c, i, speaker, inherited), speaker);
        }
        List<String> holders = new ArrayList<>();
        holders.add(holder);
        if (holder != null && !holder.equals(speaker)) {
          for (Unit co : coordinatedBefore(c, holder)) {
            holders.add(co.entity);
          }
          for (String co : coordinatedAfter(c, holder, i)) {
            if (!holders.contains(co)) {
              holders.add(co); // "Spotify and Epic intervened in support of X"
            }
          }
        }
        Pol pol = noun.pol();
        double conf = base * 0.85;
        if (i > 0 && (c.get(i - 1).is("no") || c.get(i - 1).is("without"))) {
          pol = Pol.NEUTRAL;
        } else if (negatedWord(c, i)) {
          pol = pol == Pol.FAVOR ? Pol.AGAINST : Pol.NEUTRAL; // "not happy with X"
          conf *= 0.8;
        }
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
          if (REVERSALS.contains(c.get(k).norm) && !c.get(k).isEntity()) {
            boolean undecided = false;
            for (int j = k - 1; j >= Math.max(0, k - 4); j--) {
              undecided |= IRREALIS.contains(c.get(j).norm) && !c.get(j).isEntity();
            }
            if (undecided) {
              return; // not done yet: no stance either way
            }
            pol = pol.flip();
            conf *= 0.7;
            break;
          }
        }
        List<Unit> parties = new ArrayList<>(List.of(target));
        if (pol == Pol.NEUTRAL && (noun.reaction() || noun.negOnly())) {
          parties.addAll(partiesAfter(c, targetAt)); // "neutral on X's complaint about Y"
        }
        for (Unit t : parties) {
          for (String h : holders) {
            emit(h, t.entity, pol, conf, sentenceIndex);
          }
          targeted.add(t.entity);
        }
        return;
      }
    }

    /**
     * "the charges brought against him by French prosecutors", "a case filed against it by X
     * and Y": a stance noun with its target and then its agent; the agent holds it.
     */
    private void agentNoun(List<Unit> c, int i, List<Unit> sentence, double base,
        int sentenceIndex, Set<String> targeted) {
      if (i + 4 >= c.size() || c.get(i).lx.nouns().isEmpty()
          || c.get(i).lx.nouns().stream().noneMatch(
          n -> n.pol() == Pol.AGAINST && !n.inverse() && !n.reaction())) {
        return;
      }
      Unit participle = c.get(i + 1);
      if (participle.isEntity() || !(participle.norm.endsWith("ed")
          || participle.has(F_IRREGULAR_PAST) || participle.lx.participle())
          || !(c.get(i + 2).is("against") || c.get(i + 2).is("on"))
          || !c.get(i + 4).is("by")) {
        return;
      }
      int a = i + 5 < c.size() && c.get(i + 5).is("the") ? i + 6 : i + 5;
      if (a >= c.size() || !c.get(a).isEntity()) {
        return;
      }
      Unit target = c.get(i + 3).isEntity() ? c.get(i + 3)
          : pronounObject(c, i + 3, sentence, c.get(a).entity);
      if (target == null) {
        return;
      }
      for (Unit h : withCoordinated(c, a)) {
        emit(h.entity, target.entity, Pol.AGAINST, base * 0.75, sentenceIndex);
      }
      targeted.add(target.entity);
    }

    /** "X wants Y to sell Z", "urged Y to stop": a demand of Y's is against Y. */
    private void demand(List<Unit> c, int i, String speaker, Object inherited, double base,
        int sentenceIndex, Set<String> targeted) {
      int k = i + 1;
      boolean that = k < c.size() && c.get(k).is("that"); // "recommended that X pay"
      while (k < c.size() && (c.get(k).is("on") || c.get(k).is("that") || c.get(k).is("the"))) {
        k++; // "called on"
      }
      List<Unit> urged = new ArrayList<>();
      while (k < c.size() && (c.get(k).isEntity() || urged.size() > 0 && (c.get(k).is("and")
          || c.get(k).is(",")))) {
        if (c.get(k).isEntity()) {
          urged.add(c.get(k));
        }
        k++;
      }
      if (that && k < c.size() && (c.get(k).is("must") || c.get(k).is("should"))) {
        k++;
      }
      if (that) {
        k--; // no "to": the verb follows the name
      }
      if (urged.isEmpty() || k + 1 >= c.size() || !that && !c.get(k).is("to")
          || !DEMANDS.contains(c.get(k + 1).norm) || negation(c, i) != Negation.NONE) {
        return;
      }
      for (int j = k + 2; j < Math.min(c.size(), k + 6) && !c.get(j).isPunct(); j++) {
        if (c.get(j).isEntity() && !c.get(j - 1).has(F_POSSESSIVES)) {
          return; // "urged Apple to remove X": the demand is against X
        }
      }
      String holder = resolve(verbSubject(c, i, speaker, inherited), speaker);
      for (Unit t : urged) {
        emit(holder, t.entity, Pol.AGAINST, base * 0.7, sentenceIndex);
        targeted.add(t.entity);
      }
    }

    /** "warned that a ban on X would ...": the noun heads a clause of its own, no one's act. */
    private boolean opensClause(List<Unit> c, int noun) {
      for (int k = noun - 1; k >= 0 && k >= noun - 3; k--) {
        Unit u = c.get(k);
        if (u.is("that") || u.is("whether") || u.is("if")) {
          return k == noun - 1 || c.get(k + 1).is("a") || c.get(k + 1).is("an")
              || c.get(k + 1).is("the");
        }
        if (u.isEntity() || u.isPunct() || u.is("'s") || !isNounLike(u) && !u.is("a")
            && !u.is("an") && !u.is("the")) {
          return false;
        }
      }
      return false;
    }

    /** A naming verb a few words before, with no name between: "called the tax an attack". */
    private boolean namedAs(List<Unit> c, int noun) {
      for (int k = noun - 1; k >= 0 && k >= noun - 8; k--) {
        if (c.get(k).isEntity() || c.get(k).isPunct() && !isQuoteMark(c.get(k))) {
          return false;
        }
        if (c.get(k).has(F_NAMING)) {
          return k + 1 >= c.size() || !c.get(k + 1).is("for"); // "called for a ban" is no name
        }
      }
      return false;
    }

    /** "a direct and blatant attack on X": a bare verb form after "a" is a noun. */
    private boolean afterIndefiniteArticle(List<Unit> c, int i) {
      if (c.get(i).norm.endsWith("ed") || c.get(i).lx.participle()) {
        return false;
      }
      if (c.get(i).norm.endsWith("ing") && i > 0 && isNounLike(c.get(i - 1))) {
        return false; // "an injunction blocking X": a participle after its noun
      }
      // "the wholesale pricing dispute between X and Y": a bare verb form after a singular
      // noun that a determiner opens is the phrase's head noun
      boolean head = c.get(i).lx.bareLemma() && i > 1 && isNounLike(c.get(i - 1))
          && !c.get(i - 1).norm.endsWith("s");
      for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
        Unit u = c.get(k);
        if (u.is("a") || u.is("an") || head && k < i - 1 && (u.is("the") || u.is("its")
            || u.is("their"))) {
          return true;
        }
        if (u.isEntity() || u.isPunct() || u.has(F_AUX) || u.has(F_FUNCTION)
            && !u.is("and")) {
          return false;
        }
      }
      return false;
    }

    /**
     * The noun's preposition: right after it, or for a reaction in a list a few words on
     * ("shocked, angered and in disbelief that X"; not "a happy video about X"); -1 if none.
     */
    private int prepositionAfter(List<Unit> c, int i, StanceLexicon.Noun noun) {
      boolean listed = i + 1 < c.size() && (c.get(i + 1).is(",") || c.get(i + 1).is("and")
          || c.get(i + 1).norm.endsWith("ly"));
      int limit = Math.min(c.size(), noun.reaction() && listed ? i + 7 : i + 2);
      for (int k = i + 1; k < limit; k++) {
        Unit u = c.get(k);
        if (u.is(noun.prep())) {
          return k;
        }
        if (u.isEntity() || u.isPunct() && !u.is(",") || u.has(F_CLAUSE_BREAKS)
            || u.is("to") || u.lx.nouns().stream().anyMatch(o -> !o.reaction())) {
          return -1;
        }
      }
      return -1;
    }

    /** "X called Y's lawsuit an overreach": the words Y is called carry the stance. */
    private void naming(List<Unit> c, int i, String speaker, Object inherited, double base,
        int sentenceIndex, Set<String> targeted, List<Unit> sentence) {
      if (extraposed(c, i, speaker, inherited, base, sentenceIndex, targeted)) {
        return;
      }
      Unit target = null;
      int k = i + 1;
      for (; k < Math.min(c.size(), i + 5); k++) {
        if (c.get(k).isEntity()) {
          target = c.get(k);
          if (target.possessed != null && c.indexOf(target.possessed) > k) {
            k = c.indexOf(target.possessed);
            target = target.possessed;
          }
          break;
        }
        if (k == i + 1 && c.get(k).has(F_OBJECT_PRONOUNS)) {
          // "calling it a toxic platform"
          target = pronounObject(c, k, sentence,
              resolve(verbSubject(c, i, speaker, inherited), speaker));
          break;
        }
        if (c.get(k).isPunct()) {
          return;
        }
      }
      if (target == null) {
        return;
      }
      int valence = 0;
      for (int j = k + 1; j < Math.min(c.size(), k + 6) && !c.get(j).isPunct(); j++) {
        int v = c.get(j).lx.valence();
        valence += v != 0 && negatedWord(c, j) ? -v : v;
      }
      if (valence == 0) {
        return;
      }
      String holder = resolve(verbSubject(c, i, speaker, inherited), speaker);
      emit(holder, target.entity, valence > 0 ? Pol.FAVOR : Pol.AGAINST, base * 0.8,
          sentenceIndex);
      targeted.add(target.entity);
    }

    /**
     * "called it "absurd" that French prosecutors would hold …": "it" stands for the clause
     * after "that", whose subject the words are said of. True when handled.
     */
    private boolean extraposed(List<Unit> c, int i, String speaker, Object inherited,
        double base, int sentenceIndex, Set<String> targeted) {
      if (i + 3 >= c.size() || !c.get(i + 1).is("it")) {
        return false;
      }
      int valence = 0;
      for (int k = i + 2; k < Math.min(c.size(), i + 7); k++) {
        Unit u = c.get(k);
        if (u.is("that")) {
          int e = k + 1 < c.size() && c.get(k + 1).is("the") ? k + 2 : k + 1;
          if (valence == 0 || e >= c.size() || !c.get(e).isEntity()) {
            return false;
          }
          Unit t = c.get(e).possessed != null && c.indexOf(c.get(e).possessed) > e
              ? c.get(e).possessed : c.get(e);
          String holder = resolve(verbSubject(c, i, speaker, inherited), speaker);
          emit(holder, t.entity, valence > 0 ? Pol.FAVOR : Pol.AGAINST, base * 0.8,
              sentenceIndex);
          targeted.add(t.entity);
          return true;
        }
        if (u.isEntity() || u.isPunct() && !isQuoteMark(u)) {
          return false;
        }
        valence += u.lx.valence();
      }
      return false;
    }

    /** FAVOR of an act AGAINST Y is AGAINST Y; AGAINST an act AGAINST Y is FAVOR of Y. */
    private Pol compose(Pol verb, Pol noun) {
      if (verb == null) {
        return null; // a negated verb that says nothing
      }
      if (verb == Pol.NEUTRAL || noun == Pol.NEUTRAL) {
        return Pol.NEUTRAL;
      }
      return verb == noun ? Pol.FAVOR : Pol.AGAINST;
    }

    /**
     * "condemned Russia's decision to block DW": a stance toward X's decision to act on Y is
     * the composition of the two toward Y (against X blocking Y: for Y).
     */
    private void eventObject(List<Unit> c, Unit target, String holder, Pol pol, double conf,
        int sentenceIndex) {
      int at = c.indexOf(target);
      if (pol == Pol.NEUTRAL || at < 0 || at + 5 >= c.size() || !c.get(at + 1).is("'s")
          || !EVENTS.contains(c.get(at + 2).norm) || !c.get(at + 3).is("to")) {
        return;
      }
      Unit verb = c.get(at + 4);
      for (Verb v : verb.lx.verbs()) {
        int len = phraseAt(c, at + 4, List.of(v.particles()), verb);
        if (len > 0 && v.pol() != Pol.NEUTRAL) {
          List<Unit> objects = objectsAfter(c, at + 4 + len, false);
          for (Unit o : objects) {
            emit(holder, o.entity, compose(pol, v.pol()), conf * 0.7, sentenceIndex);
          }
          return;
        }
      }
    }

    /** Against [X's ban on Y] is for Y. */
    private void doubleNegative(List<Unit> c, Unit target, String holder, Pol pol, double conf,
        int sentenceIndex) {
      if (pol != Pol.AGAINST) {
        return;
      }
      int at = c.indexOf(target);
      if (at < 0 || at + 3 >= c.size() || !c.get(at + 1).is("'s")) {
        return;
      }
      for (StanceLexicon.Noun noun : c.get(at + 2).lx.nouns()) {
        if (noun.pol() == Pol.AGAINST && c.get(at + 3).is(noun.prep()) && at + 4 < c.size()
            && c.get(at + 4).isEntity()) {
          emit(holder, c.get(at + 4).entity, Pol.FAVOR, conf * 0.7, sentenceIndex);
          return;
        }
      }
    }

    /**
     * What the speaker's clause says about the entities in it ("an administration that does not
     * respect legal proceedings"); in the article's own voice only loaded framing words count,
     * and only said of a subject ("X is a threat"), and reporting "without evidence" frames its
     * subject.
     */
    private void evaluate(List<Unit> c, String speaker, Object subject, int sentenceIndex,
        Set<String> targeted, List<Unit> sentence) {
      if (speaker == null) {
        authorFraming(c, subject, sentenceIndex, targeted);
        return;
      }
      // "X is the best place … and Y is the best place …": each name with its own words
      int from = 0;
      for (int k = 1; k + 1 < c.size(); k++) {
        if ((c.get(k).is("and") || c.get(k).is(",")) && c.get(k + 1).isEntity()
            && k + 2 < c.size() && c.get(k + 2).has(F_COPULA)) {
          evaluateSegment(c.subList(from, k), speaker, sentenceIndex, targeted);
          from = k + 1;
        }
      }
      evaluateSegment(c.subList(from, c.size()), speaker, sentenceIndex, targeted);
    }

    private void evaluateSegment(List<Unit> c, String speaker, int sentenceIndex,
        Set<String> targeted) {
      int valence = 0;
      for (int i = 0; i < c.size(); i++) {
        Unit u = c.get(i);
        if (u.isEntity()) {
          continue;
        }
        if ((u.is("supposed") || u.is("meant")) && i + 1 < c.size() && c.get(i + 1).is("to")
            && i > 0 && c.get(i - 1).has(F_BE)) {
          break; // "was supposed to build trust": what was expected, not what it is
        }
        int v = u.lx.valence();
        if (v != 0 && negatedWord(c, i)) {
          v = i > 0 && c.get(i - 1).is("to") && v < 0 ? 0 : -v; // "not to harm X" is no praise
        }
        valence += v;
      }
      if (valence == 0) {
        return;
      }
      Unit target = null;
      for (int at = 0; at < c.size(); at++) {
        Unit u = c.get(at);
        boolean relativeSubject = at + 1 < c.size() && (c.get(at + 1).is("that")
            || c.get(at + 1).is("which") || c.get(at + 1).is("who"));
        if (u.isEntity() && !u.entity.equals(speaker) && !targeted.contains(u.entity)
            && !(u.possessed != null && c.indexOf(u.possessed) > at)
            && (relativeSubject || !precededByPreposition(c, at) && !modifierOnly(c, at))) {
          target = u;
          break;
        }
      }
      if (target == null) {
        for (int at = 0; at < c.size(); at++) {
          Unit u = c.get(at);
          if (u.isEntity() && !u.entity.equals(speaker) && !targeted.contains(u.entity) && at > 0
              && (c.get(at - 1).is("by") || c.get(at - 1).is("of") || c.get(at - 1).is("from")
                  || afterValencePreposition(c, at)
                  || at > 1 && c.get(at - 1).is("the") && (c.get(at - 2).is("by")
                      || c.get(at - 2).is("of") || c.get(at - 2).is("from")))) {
            target = u; // "the accusations by X are baseless"
            break;
          }
        }
      }
      if (target == null && topic != null && !topic.equals(speaker)
          && !targeted.contains(topic)) {
        target = entityUnit(topic, speaker);
      }
      if (target == null) {
        return;
      }
      emit(speaker, target.entity, valence > 0 ? Pol.FAVOR : Pol.AGAINST, 0.6, sentenceIndex);
      int at = c.indexOf(target);
      if (at >= 0) {
        List<Unit> co = withCoordinated(c, at);
        for (int n = 1; n < co.size(); n++) { // "platforms such as Snapchat and TikTok had failed"
          emit(speaker, co.get(n).entity, valence > 0 ? Pol.FAVOR : Pol.AGAINST, 0.6,
              sentenceIndex);
        }
      }
    }

    private void authorFraming(List<Unit> c, Object subject, int sentenceIndex,
        Set<String> targeted) {
      for (int i = 0; i + 2 < c.size(); i++) {
        if (c.get(i).is("without")) {
          for (int j = i + 1; j < Math.min(c.size(), i + 5); j++) {
            if (c.get(j).is("evidence") || c.get(j).is("proof")) {
              Object s = subject != null ? subject : firstSubjectEntity(c);
              if (s instanceof String id && !id.equals(SPEAKER)) {
                emit(AUTHOR, id, Pol.AGAINST, 0.55, sentenceIndex);
              }
              break;
            }
          }
        }
      }
      for (int i = 0; i < c.size(); i++) {
        Unit e = c.get(i);
        if (!e.isEntity() || targeted.contains(e.entity) || precededByPreposition(c, i)) {
          continue;
        }
        int j = i + 1;
        if (j < c.size() && c.get(j).is("'s")) {
          if (j + 1 < c.size() && c.get(j + 1).lx.framing()) {
            // "Britain's heavy-handed Online Safety Act": said of what Britain owns
            String framed = e.possessed != null && c.indexOf(e.possessed) > j
                ? e.possessed.entity : e.entity;
            emit(AUTHOR, framed, Pol.AGAINST, 0.55, sentenceIndex);
          }
          continue;
        }
        if (j < c.size() && c.get(j).has(F_COPULA)) {
          for (int k = j + 1; k < Math.min(c.size(), j + 6); k++) {
            if (c.get(k).isEntity() || c.get(k).is(",")) {
              break;
            }
            if (c.get(k).lx.framing()) {
              boolean negated = negatedWord(c, k);
              emit(AUTHOR, e.entity, negated ? Pol.NEUTRAL : Pol.AGAINST, 0.55, sentenceIndex);
              break;
            }
          }
        }
      }
    }

  }

  /**
   * The stances of an article: one per holder, target and stance (the surest, with its
   * sentence), so an entity's profile counts an article's stance toward it once.
   */
  public List<StanceTag> analyze(String text, List<EntityMention> entities) {
    if (text == null || text.isBlank() || entities == null || entities.isEmpty()) {
      return List.of();
    }
    return new Run(lex, text, entities).analyze(false);
  }

  /** Every sentence's stances, repeated ones included: what the evaluation scores. */
  List<StanceTag> analyzeEverySentence(String text, List<EntityMention> entities) {
    if (text == null || text.isBlank() || entities == null || entities.isEmpty()) {
      return List.of();
    }
    return new Run(lex, text, entities).analyze(true);
  }
}
