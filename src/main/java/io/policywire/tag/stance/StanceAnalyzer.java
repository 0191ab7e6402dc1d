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


  private record Region(int open, int close, int openSentence, int closeSentence, String[] holder) {}

  private record Found(String holder, String target, Pol pol, double confidence, int sentence) {}

  /** Per-call state: the units of the article and what has been found. */
  private final class Run {
    final String text;
    final List<SentenceSplitter.Span> sentences;
    final List<Unit> units = new ArrayList<>();
    final List<Region> regions = new ArrayList<>();
    final List<Found> found = new ArrayList<>();
    final Map<String, Integer> mentionCounts = new HashMap<>();
    /** "Signal president Meredith Whittaker", "Signal's Whittaker": the person's organisation. */
    final Map<String, String> affiliation = new HashMap<>();
    /** Whose words are being analysed, while they are. */
    String speakerNow;
    /** What the words being analysed are about, when the attribution names it ("said of X"). */
    String topic;
    /** "Asked about the spat between X and Y, …": what the sentence's words are about. */
    List<String> asked = List.of();

    Run(String text, List<EntityMention> entities) {
      this.text = text;
      this.sentences = SentenceSplitter.split(text);
      tokenize(entities);
      resolveAnaphora();
      findAffiliations();
      findPossessors();
      findQuotes();
    }

    /**
     * "Brazil's Supreme Federal Court ordered…", "opponents of Colorado's AI Act": a name
     * followed by 's and, within a few modifiers, another name is a modifier of that name, which
     * acts or is acted on.
     */
    private void findPossessors() {
      for (int k = 0; k + 2 < units.size(); k++) {
        Unit u = units.get(k);
        if (!u.isEntity() || !(units.get(k + 1).is("'s") || units.get(k + 1).is("'"))) {
          continue;
        }
        for (int j = k + 2; j < Math.min(units.size(), k + 5); j++) {
          Unit w = units.get(j);
          if (w.isEntity()) {
            if (!"PERSON".equals(u.type) || "PERSON".equals(w.type)) {
              u.possessed = w;
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

    private void findAffiliations() {
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

    private void tokenize(List<EntityMention> entities) {
      record Mention(int start, int end, String id, String type) {}
      List<Mention> mentions = new ArrayList<>();
      for (EntityMention e : entities) {
        mentionCounts.merge(e.id(), Math.max(1, e.mentions()), Integer::sum);
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

    /** "the company", "the US president", "he": the most mentioned recent entity that fits. */
    private void resolveAnaphora() {
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
    private String administration(List<Unit> before, int sentence) {
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
    private boolean inApposition(List<Unit> before, String id) {
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
    private List<Unit> lastPair(List<Unit> before, int sentence) {
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
    private String named(List<Unit> before, String head, int sentence) {
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

    private String typeOf(List<Unit> before, String id) {
      for (int k = before.size() - 1; k >= 0; k--) {
        if (id.equals(before.get(k).entity)) {
          return before.get(k).type;
        }
      }
      return null;
    }

    private String antecedent(List<Unit> before, Set<String> types, int sentence) {
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

    /**
     * Quotes long enough to be speech (four words or more, opening with a capital) get a
     * speaker: the attribution after the closing mark, else before the opening one, else the
     * previous quote's speaker when this one opens its sentence right after it.
     */
    private void findQuotes() {
      int open = -1;
      for (int i = 0; i < units.size(); i++) {
        Unit u = units.get(i);
        if (u.isEntity()) {
          continue;
        }
        boolean straight = u.norm.equals("\"");
        if (u.norm.equals("\u201c") || (straight && open < 0)) {
          open = i;
        } else if ((u.norm.equals("\u201d") || straight) && open >= 0) {
          addRegion(open, i);
          open = -1;
        }
      }
      for (int r = 0; r < regions.size(); r++) {
        Region region = regions.get(r);
        String holder = attributeAfter(region);
        String continued = null;
        if (holder == null) {
          holder = attributeBefore(region);
        }
        if (holder == null && r > 0) {
          Region prev = regions.get(r - 1);
          boolean opensSentence = region.open == 0
              || units.get(region.open - 1).sentence != units.get(region.open).sentence;
          if (prev.holder[0] != null && opensSentence
              && region.openSentence - prev.closeSentence <= 2) {
            holder = prev.holder[0];
            continued = prev.holder[1]; // "... ," X said of Y. "Its provisions are ..."
          }
        }
        region.holder[0] = holder;
        String topic = topicAfter(region);
        region.holder[1] = topic != null ? topic : continued;
      }
    }

    private void addRegion(int open, int close) {
      int words = 0;
      for (int k = open + 1; k < close; k++) {
        if (!units.get(k).isPunct()) {
          words++;
        }
      }
      if (words < 4 || close == open + 1) {
        return;
      }
      char first = text.charAt(units.get(open + 1).start);
      if (!Character.isUpperCase(first) && !Character.isDigit(first)) {
        return;
      }
      int regionIndex = regions.size();
      for (int k = open; k <= close; k++) {
        units.get(k).region = regionIndex;
      }
      units.get(open).speechQuoteMark = true;
      units.get(close).speechQuoteMark = true;
      regions.add(new Region(open, close, units.get(open).sentence, units.get(close).sentence,
          new String[2]));
    }

    private String attributeAfter(Region region) {
      int sentence = units.get(region.close).sentence;
      int speech = -1;
      String entity = null;
      for (int k = region.close + 1; k < units.size() && k <= region.close + 9; k++) {
        Unit u = units.get(k);
        if (u.sentence != sentence || OPEN_QUOTES.contains(u.norm)) {
          break;
        }
        if (u.isEntity() && entity == null) {
          entity = u.entity;
          int next = k + 1;
          while (next < units.size() && next <= k + 3 && !units.get(next).isEntity()
              && units.get(next).has(F_ROLE_HEADS)) {
            next++;
          }
          if (next > k + 1 && next < units.size() && units.get(next).isEntity()
              && "PERSON".equals(units.get(next).type)) {
            entity = units.get(next).entity; // "Spotify chief Daniel Ek said"
            k = next;
          }
        } else if (speech < 0 && speechAt(k) > 0) {
          speech = k;
        }
        if (entity != null && speech >= 0) {
          return entity;
        }
      }
      return null;
    }

    private String topicAfter(Region region) {
      int sentence = units.get(region.close).sentence;
      for (int k = region.close + 1; k < units.size() && k <= region.close + 10; k++) {
        Unit u = units.get(k);
        if (u.sentence != sentence || OPEN_QUOTES.contains(u.norm)) {
          return null;
        }
        boolean afterSpeech = speechAt(k - 1) > 0
            || units.get(k - 1).isEntity() && speechAt(k - 2) > 0; // "said Spotify about X"
        if ((u.is("of") || u.is("about") || u.is("on")) && k + 1 < units.size()
            && afterSpeech) { // "said of X"; not "president of Google"
          for (int j = k + 1; j < Math.min(units.size(), k + 4); j++) {
            if (units.get(j).isEntity()) {
              return units.get(j).entity;
            }
          }
        }
      }
      return null;
    }

    private String attributeBefore(Region region) {
      int sentence = units.get(region.open).sentence;
      for (int k = region.open - 1; k >= 0 && k >= region.open - 9; k--) {
        Unit u = units.get(k);
        if (u.sentence != sentence || u.region >= 0) {
          break;
        }
        if (speechAt(k) > 0) {
          List<Unit> before = new ArrayList<>(units.subList(firstOfSentence(k), k));
          Object subject = subjectBefore(before, before.size(), null);
          if (subject == null) {
            subject = firstSubjectEntityBefore(before, before.size());
          }
          return subject instanceof String s && !s.equals(SPEAKER) ? s : null;
        }
      }
      return null;
    }

    private int firstOfSentence(int k) {
      int s = units.get(k).sentence;
      while (k > 0 && units.get(k - 1).sentence == s) {
        k--;
      }
      return k;
    }

    /** Length of the speech verb (with its particles) starting at k, or 0. */
    private int speechAt(int k) {
      return phraseAt(units, k, units.get(k).lx.speech(), units.get(k));
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
        String holder = regions.get(entry.getKey()).holder[0];
        if (holder != null) {
          topic = regions.get(entry.getKey()).holder[1];
          clauses(withoutQuoteMarks(entry.getValue()), holder, 0.85);
          topic = null;
        }
      }
      narrative(narrative);
    }

    private List<Unit> withoutQuoteMarks(List<Unit> in) {
      return in.stream().filter(u -> !isQuoteMark(u)).toList();
    }

    private void narrative(List<Unit> us) {
      asked = askedAbout(us);
      try {
        narrativeOf(us);
      } finally {
        asked = List.of();
      }
    }

    /** "Asked about the spat between Grab and rival Foodpanda, …": Grab and Foodpanda. */
    private List<String> askedAbout(List<Unit> us) {
      if (us.size() < 4 || !us.get(0).is("asked") || !(us.get(1).is("about")
          || us.get(1).is("on") || us.get(1).is("whether") || us.get(1).is("if"))) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      boolean and = true;
      for (int k = 2; k < us.size() && !us.get(k).isPunct(); k++) {
        Unit u = us.get(k);
        if (u.isEntity()) {
          if (and && (u.possessed == null || us.indexOf(u.possessed) < k)) {
            out.add(u.entity);
            and = false;
          }
        } else if (u.is("and")) {
          and = true;
        } else if (u.is("by") || u.norm.endsWith("ed") && k > 2) {
          break; // "the rule proposed by the Commerce Department": not what was asked
        }
      }
      return out;
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

    /**
     * "…, its global affairs chief Joel Kaplan said, …": the comma before a speaker (with role
     * words) whose speech verb ends the clause; the words before it are the speaker's. Else -1.
     */
    private int attributionComma(List<Unit> us, int verb, int len) {
      int end = verb + len;
      if (end < us.size() && !us.get(end).isPunct() && !us.get(end).has(F_TEMPORAL)) {
        return -1;
      }
      int k = verb - 1;
      if (k < 0 || !us.get(k).isEntity()) {
        return -1;
      }
      for (k--; k >= 0 && k >= verb - 7; k--) {
        Unit u = us.get(k);
        if (u.is(",")) {
          return k > 0 ? k : -1;
        }
        if (u.isEntity() || u.isPunct() || !(u.has(F_ROLE_HEADS)
            || u.has(F_POSSESSIVES)
            || isNounLike(u) && Character.isLowerCase(text.charAt(u.start)))) {
          return -1;
        }
      }
      return -1;
    }

    /** The verb at k follows "and" (over auxiliaries): it shares the sentence's subject. */
    private boolean coordinated(List<Unit> us, int k) {
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

    private List<Unit> withoutSpeechMarks(List<Unit> in) {
      return in.stream().filter(u -> !u.speechQuoteMark).toList();
    }

    private boolean nearQuoteMark(List<Unit> us, int from, int step) {
      for (int k = from + step, n = 0; k >= 0 && k < us.size() && n < 4; k += step, n++) {
        Unit u = us.get(k);
        if (u.speechQuoteMark) {
          return true;
        }
        if (!u.isEntity() && !u.is(",") && !u.is(":") && !u.has(F_AUX)
            && !u.is("in") && !u.is("a") && !u.is("statement")) {
          return false;
        }
      }
      return false;
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
          if (obliged(c, i) || verb.lemma().equals("comply") && promised(c, i)) {
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
            if (targets.isEmpty() && holder != null && i + len < c.size()
                && (c.get(i + len).is("its") || c.get(i + len).is("their"))) {
              Unit owner = possessiveObject(sentence, c, c.get(i + len), holder);
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

    private Unit entityUnit(String id, String speaker) {
      Unit t = new Unit(0, 0, id, 0);
      t.entity = id.equals(SPEAKER) ? speaker : id;
      return t;
    }

    /** "X's ban on Y", "a lawsuit against Y" (holder: the clause's subject). */
    private void nounStance(List<Unit> c, int i, String speaker, Object inherited, double base,
        int sentenceIndex, Set<String> targeted) {
      List<StanceLexicon.Noun> nouns = c.get(i).lx.nouns();
      for (int n = 0; n < nouns.size(); n++) {
        StanceLexicon.Noun noun = nouns.get(n);
        if (noun.negOnly() && !(i > 0 && (c.get(i - 1).is("no") || c.get(i - 1).is("without"))
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

    /**
     * The other names in the phrase a NEUTRAL stance is about: "neutral on [X's complaint about
     * Y's rules]", "no side in [the dispute between X and Y]"; the phrase ends at a verb, an
     * auxiliary, a clause break or punctuation.
     */
    private List<Unit> partiesAfter(List<Unit> c, int at) {
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

    /** "had not landed on a view": a negator up to n words before k, in the same phrase. */
    private boolean negatedWithin(List<Unit> c, int k, int n) {
      for (int j = k - 1; j >= 0 && j >= k - n; j--) {
        Unit u = c.get(j);
        if (u.isEntity() || u.isPunct() && !isQuoteMark(u)) {
          return false;
        }
        if (u.has(F_NEGATORS) || u.is("n't")) {
          return true;
        }
      }
      return false;
    }

    /** "declined to take a position on": a refusal a few words before k. */
    private boolean refusedBefore(List<Unit> c, int k) {
      for (int j = k - 1; j >= 0 && j >= k - 5; j--) {
        Unit u = c.get(j);
        if (u.isEntity() || u.isPunct()) {
          return false;
        }
        if (u.has(F_REFUSALS)) {
          return true;
        }
      }
      return false;
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
     * The stance noun heading a verb's object ("the jury's verdict against", "the suspension
     * of"), when a name follows its preposition and no name comes before it; else null.
     */
    private Unit composedObject(List<Unit> c, int from) {
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
    private int skipToEntity(List<Unit> c, int at) {
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

    private boolean negatedWord(List<Unit> c, int i) {
      for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
        Unit u = c.get(k);
        if (u.isEntity() || u.is(",")) {
          return false;
        }
        if (u.has(F_NEGATORS) || u.is("n't")) {
          return true;
        }
      }
      return false;
    }

    /** "denied reports that it would drop X": a denial a few words before the verb. */
    private boolean denied(List<Unit> c, int verb) {
      for (int k = verb - 1; k >= 0 && k >= verb - 7; k--) {
        Unit u = c.get(k);
        if (u.isEntity() || u.isPunct()) {
          return false;
        }
        if (u.has(F_DENIALS)) {
          return true;
        }
      }
      return false;
    }

    /** "said it would comply with X": a promise to obey, no more a stance than "must". */
    private boolean promised(List<Unit> c, int verb) {
      for (int k = verb - 1; k >= 0 && k >= verb - 3; k--) {
        Unit u = c.get(k);
        if (u.isEntity() || u.isPunct()) {
          return false;
        }
        if (u.is("would") || u.is("will") || u.is("'ll")) {
          return true;
        }
      }
      return false;
    }

    private boolean obliged(List<Unit> c, int verb) {
      for (int k = verb - 1; k >= 0 && k >= verb - 3; k--) {
        Unit u = c.get(k);
        if (u.isEntity() || u.isPunct()) {
          return false;
        }
        if (u.is("must") || u.is("required") || u.is("forced") || u.is("obliged")
            || u.is("compelled") || (u.is("has") || u.is("have") || u.is("had"))
            && k + 1 < c.size() && c.get(k + 1).is("to")) {
          return true;
        }
      }
      return false;
    }

    private enum Negation { NONE, NOT, REFUSED, DECLINED, DENIED }

    private Negation negation(List<Unit> c, int verb) {
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

    private boolean isPassive(List<Unit> c, int i, Unit verb) {
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

    /** A word that may head or modify a noun phrase ("step", which is also a verb, too). */
    private boolean plainWord(Unit u) {
      return !u.isEntity() && !u.isPunct() && !u.has(F_AUX)
          && !u.has(F_FUNCTION) && !u.has(F_PREPOSITIONS)
          && !u.has(F_CLAUSE_BREAKS) && u.lx.speech().isEmpty()
          && !u.has(F_NEGATORS);
    }

    /**
     * "Utah required age checks, a measure backed by Meta": the comma opening a noun phrase
     * that sums up the clause before it and ends in the participle at i; else -1.
     */
    private int summative(List<Unit> c, int i) {
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

    private String jurisdictionAfter(List<Unit> c, int from) {
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
    private Unit pronounObject(List<Unit> c, int from, List<Unit> sentence, String holder) {
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
        if (u.isEntity() && !u.entity.equals(holder) && "PERSON".equals(u.type) == person
            && !"GPE".equals(u.type) && u.possessed == null) {
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
    private List<String> coordinatedAfter(List<Unit> c, String holder, int k) {
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
    private Unit possessiveObject(List<Unit> sentence, List<Unit> clause, Unit its,
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
      return null;
    }

    /** "Match Group joined Epic Games in asking the judge to …": Epic Games acts too. */
    private List<String> joinedIn(List<Unit> c, int verb) {
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
    private List<Unit> gerundAgents(List<Unit> c, int object) {
      if (object + 2 >= c.size() || !c.get(object + 1).is("by")
          || !(c.get(object).isEntity() || c.get(object).has(F_OBJECT_PRONOUNS))) {
        return List.of();
      }
      int a = c.get(object + 2).is("the") ? object + 3 : object + 2;
      return a < c.size() && c.get(a).isEntity() ? withCoordinated(c, a) : List.of();
    }

    /** The name at k and those coordinated after it ("from X and Y"). */
    private List<Unit> withCoordinated(List<Unit> c, int k) {
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
    private List<Unit> coordinatedBefore(List<Unit> c, String nearest) {
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

    private String agentAfter(List<Unit> c, int from) {
      for (int k = from; k < Math.min(c.size(), from + 8); k++) {
        if (c.get(k).is("by")) {
          for (int j = k + 1; j < Math.min(c.size(), k + 5); j++) {
            if (c.get(j).isEntity()) {
              Unit owned = c.get(j).possessed;
              return owned != null && c.indexOf(owned) > j ? owned.entity : c.get(j).entity;
            }
            if (c.get(j).isPunct()) {
              return null;
            }
          }
          return null;
        }
      }
      return null;
    }

    /** The entities a verb points at: the first one after it, and any coordinated with it. */
    private List<Unit> objectsAfter(List<Unit> c, int from, boolean stopAtFrom) {
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

    /** "X urged Y to ban Z": X holds the stance toward Z, not Y. */
    private Object urgerOf(List<Unit> c, int verb, String speaker) {
      int k = verb - 1;
      while (k >= 0 && !c.get(k).is("to") && verb - k < 3) {
        k--;
      }
      if (k < 1 || !c.get(k).is("to")) {
        return null;
      }
      int j = k - 1;
      while (j >= 0 && (c.get(j).isEntity() || c.get(j).is("and") || c.get(j).is(",")
          || c.get(j).is("the") || c.get(j).is("'s"))) {
        j--;
      }
      if (j == k - 1 || j < 0) {
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

    private Object verbSubject(List<Unit> c, int verb, String speaker, Object inherited) {
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
    private String subordinateSubject(List<Unit> c, int k) {
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
    private boolean describesSubject(List<Unit> c, int k) {
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
    private String relativeAntecedent(List<Unit> c, int k) {
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
    private String possessorSubject(List<Unit> c, int k) {
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
        if (!u.isEntity() && !u.has(F_AUX) && (!u.lx.verbs().isEmpty()
            || !u.lx.speech().isEmpty() || u.norm.endsWith("ed") || u.isPunct()
            && !u.is("$") || u.has(F_CLAUSE_BREAKS) || u.is("that"))) {
          return null;
        }
      }
      return id;
    }

    /** The entity (or speaker pronoun) right before position k, across auxiliaries. */
    private Object subjectBefore(List<Unit> c, int k, String speaker) {
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

    private Object sentenceSubject(List<Unit> c, int before) {
      return firstSubjectEntityBefore(c, before);
    }

    private Object firstSubjectEntity(List<Unit> c) {
      return firstSubjectEntityBefore(c, c.size());
    }

    /** The first entity not inside a prepositional phrase nor used as a modifier. */
    private Object firstSubjectEntityBefore(List<Unit> c, int before) {
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

    private boolean roleFollows(List<Unit> c, int j) {
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
    private boolean isBareLemma(Unit u) {
      return u.lx.bareLemma();
    }

    private boolean isNounLike(Unit u) {
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
    private boolean afterValencePreposition(List<Unit> c, int at) {
      int k = at - 1;
      if (k > 0 && c.get(k).is("the")) {
        k--;
      }
      return k > 0 && c.get(k).has(F_PREPOSITIONS) && !c.get(k).isEntity()
          && c.get(k - 1).lx.valence() != 0;
    }

    /** "U.S. national security concerns": a name modifying a noun, with no verb of its own. */
    private boolean modifierOnly(List<Unit> c, int at) {
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

    private boolean precededByPreposition(List<Unit> c, int j) {
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

    private String resolve(Object subject, String speaker) {
      if (subject == null) {
        return null;
      }
      return subject.equals(SPEAKER) ? speaker : (String) subject;
    }

    private void emit(String holder, String target, Pol pol, double confidence, int sentence) {
      if (speakerNow != null && holder != null && holder.equals(affiliation.get(speakerNow))) {
        holder = speakerNow; // "Whittaker said the company would leave X": her stance
      }
      if (holder == null || target == null || holder.equals(target) || pol == null
          || holder.equals(UNKNOWN) || target.equals(UNKNOWN)) {
        return;
      }
      found.add(new Found(holder, target, pol, Math.min(0.95, confidence), sentence));
    }

    private List<StanceTag> collect(boolean perSentence) {
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


  /**
   * The stances of an article: one per holder, target and stance (the surest, with its
   * sentence), so an entity's profile counts an article's stance toward it once.
   */
  public List<StanceTag> analyze(String text, List<EntityMention> entities) {
    if (text == null || text.isBlank() || entities == null || entities.isEmpty()) {
      return List.of();
    }
    return new Run(text, entities).analyze(false);
  }

  /** Every sentence's stances, repeated ones included: what the evaluation scores. */
  List<StanceTag> analyzeEverySentence(String text, List<EntityMention> entities) {
    if (text == null || text.isBlank() || entities == null || entities.isEmpty()) {
      return List.of();
    }
    return new Run(text, entities).analyze(true);
  }
}
