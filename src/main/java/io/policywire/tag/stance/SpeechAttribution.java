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

/** Whose words are these: quotations and their speakers (after or before the quote, a continued
 * quote), attribution commas, speech marks, and what a question put to someone was about. */
abstract class SpeechAttribution extends HolderResolution {

  SpeechAttribution(StanceLexicon lex, String text) {
    super(lex, text);
  }

  /**
   * Quotes long enough to be speech (four words or more, opening with a capital) get a
   * speaker: the attribution after the closing mark, else before the opening one, else the
   * previous quote's speaker when this one opens its sentence right after it.
   */
  void findQuotes() {
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
        boolean opensSentence = region.open() == 0
            || units.get(region.open() - 1).sentence != units.get(region.open()).sentence;
        if (prev.holder()[0] != null && opensSentence
            && region.openSentence() - prev.closeSentence() <= 2) {
          holder = prev.holder()[0];
          continued = prev.holder()[1]; // "... ," X said of Y. "Its provisions are ..."
        }
      }
      region.holder()[0] = holder;
      String topic = topicAfter(region);
      region.holder()[1] = topic != null ? topic : continued;
    }
  }

  void addRegion(int open, int close) {
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

  String attributeAfter(Region region) {
    int sentence = units.get(region.close()).sentence;
    int speech = -1;
    String entity = null;
    for (int k = region.close() + 1; k < units.size() && k <= region.close() + 9; k++) {
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

  String topicAfter(Region region) {
    int sentence = units.get(region.close()).sentence;
    for (int k = region.close() + 1; k < units.size() && k <= region.close() + 10; k++) {
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

  String attributeBefore(Region region) {
    int sentence = units.get(region.open()).sentence;
    for (int k = region.open() - 1; k >= 0 && k >= region.open() - 9; k--) {
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

  int firstOfSentence(int k) {
    int s = units.get(k).sentence;
    while (k > 0 && units.get(k - 1).sentence == s) {
      k--;
    }
    return k;
  }

  /** Length of the speech verb (with its particles) starting at k, or 0. */
  int speechAt(int k) {
    return phraseAt(units, k, units.get(k).lx.speech(), units.get(k));
  }

  List<Unit> withoutQuoteMarks(List<Unit> in) {
    return in.stream().filter(u -> !isQuoteMark(u)).toList();
  }

  List<Unit> withoutSpeechMarks(List<Unit> in) {
    return in.stream().filter(u -> !u.speechQuoteMark).toList();
  }

  boolean nearQuoteMark(List<Unit> us, int from, int step) {
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

  /**
   * "…, its global affairs chief Joel Kaplan said, …": the comma before a speaker (with role
   * words) whose speech verb ends the clause; the words before it are the speaker's. Else -1.
   */
  int attributionComma(List<Unit> us, int verb, int len) {
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

  /** "Asked about the spat between Grab and rival Foodpanda, …": Grab and Foodpanda. */
  List<String> askedAbout(List<Unit> us) {
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
}
