package io.policywire.tag.stance;

import io.policywire.model.EntityMention;
import io.policywire.model.StanceTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import opennlp.tools.ml.model.MaxentModel;

/**
 * A learned recall backstop over the rules (experiment): every ordered pair of entities in a
 * sentence is a candidate; a maxent model over words between and around the two mentions, their
 * order and distance, entity types, negation, speech and quote marks, the lexicon's word classes
 * and the rules' own output for the pair gives FAVOR / AGAINST / NEUTRAL / NONE. The rules'
 * stance is kept wherever they give one; where they give none for a pair, the model's FAVOR or
 * AGAINST is taken when its probability reaches the threshold.
 */
final class StanceBackstop {

  static final String NONE = "NONE";
  private static final Set<String> NEGATION = Set.of("not", "n't", "no", "never", "without",
      "neither", "nor", "refused", "declined");
  private static final Set<String> QUOTES = Set.of("\"", "\u201c", "\u201d");

  /** Whether the rules' own output for the pair (and the reversed pair) is a feature. */
  static boolean RULE_FEATURES = true;

  private final StanceLexicon lex;
  private final MaxentModel model;
  private final double threshold;

  StanceBackstop(MaxentModel model, double threshold) {
    this(StanceLexicon.defaults(), model, threshold);
  }

  StanceBackstop(StanceLexicon lex, MaxentModel model, double threshold) {
    this.lex = lex;
    this.model = model;
    this.threshold = threshold;
  }

  /** One candidate pair of one sentence: its features and the rules' stance for it. */
  record Candidate(String holder, String target, int sentenceStart, int sentenceEnd,
      String[] features, String rules) {}

  private record Tok(String text, int start, int end) {}

  /** Every ordered pair of distinct entities with a mention in the same sentence. */
  static List<Candidate> candidates(StanceLexicon lex, String text, List<EntityMention> entities,
      List<StanceTag> rules) {
    Map<String, String> ruleByPairSentence = new HashMap<>();
    for (StanceTag t : rules) {
      int s = t.evidenceSpan() != null ? t.evidenceSpan()[0] : text.indexOf(t.evidence());
      ruleByPairSentence.put(t.holder() + "\u0001" + t.target() + "\u0001" + s, t.stance());
      ruleByPairSentence.putIfAbsent(t.holder() + "\u0001" + t.target(), t.stance());
    }
    List<Candidate> out = new ArrayList<>();
    for (SentenceSplitter.Span sent : SentenceSplitter.split(text)) {
      Map<String, List<int[]>> inSentence = new HashMap<>();
      Map<String, String> types = new HashMap<>();
      for (EntityMention m : entities) {
        for (int[] sp : m.spans()) {
          if (sp[0] >= sent.start() && sp[1] <= sent.end()) {
            inSentence.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(sp);
            types.put(m.id(), m.type());
          }
        }
      }
      if (inSentence.size() < 2) {
        continue;
      }
      List<Tok> toks = tokens(text, sent.start(), sent.end());
      for (String h : inSentence.keySet()) {
        for (String t : inSentence.keySet()) {
          if (h.equals(t)) {
            continue;
          }
          String rule = ruleFor(ruleByPairSentence, h, t, sent.start());
          String rev = ruleFor(ruleByPairSentence, t, h, sent.start());
          String[] f = features(lex, text, toks, inSentence, h, t, types.get(h), types.get(t),
              rule, rev);
          out.add(new Candidate(h, t, sent.start(), sent.end(), f, rule));
        }
      }
    }
    return out;
  }

  private static String ruleFor(Map<String, String> rules, String h, String t, int sentStart) {
    String s = rules.get(h + "\u0001" + t + "\u0001" + sentStart);
    return s != null ? s : NONE;
  }

  private static List<Tok> tokens(String text, int start, int end) {
    List<Tok> out = new ArrayList<>();
    Matcher m = StanceWords.TOKEN.matcher(text).region(start, end);
    while (m.find()) {
      out.add(new Tok(m.group().toLowerCase(Locale.ROOT).replace('\u2019', '\''), m.start(),
          m.end()));
    }
    return out;
  }

  static String stem(String w) {
    if (w.length() > 5 && w.endsWith("ing")) {
      return w.substring(0, w.length() - 3);
    }
    if (w.length() > 4 && w.endsWith("ed")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 4 && w.endsWith("es")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static int[] nearest(List<int[]> a, List<int[]> b) {
    int[] best = null;
    int bestD = Integer.MAX_VALUE;
    for (int[] x : a) {
      for (int[] y : b) {
        int d = Math.abs(x[0] - y[0]);
        if (d < bestD) {
          bestD = d;
          best = new int[] {x[0], x[1], y[0], y[1]};
        }
      }
    }
    return best;
  }

  private static String[] features(StanceLexicon lex, String text, List<Tok> toks,
      Map<String, List<int[]>> inSentence, String h, String t, String ht, String tt, String rule,
      String rev) {
    int[] sp = nearest(inSentence.get(h), inSentence.get(t));
    boolean hFirst = sp[0] < sp[2];
    int firstEnd = hFirst ? sp[1] : sp[3];
    int secondStart = hFirst ? sp[2] : sp[0];
    int firstStart = hFirst ? sp[0] : sp[2];
    int secondEnd = hFirst ? sp[3] : sp[1];
    Set<String> f = new LinkedHashSet<>();
    f.add("bias");
    f.add("ord=" + (hFirst ? "HT" : "TH"));
    f.add("ht=" + ht);
    f.add("tt=" + tt);
    f.add("types=" + ht + "_" + tt);
    if (RULE_FEATURES) {
      f.add("rule=" + rule);
      f.add("rev=" + rev);
      f.add("rule=" + rule + "_ord=" + (hFirst ? "HT" : "TH"));
    }
    // mentions of other entities
    List<int[]> others = new ArrayList<>();
    inSentence.forEach((id, list) -> {
      if (!id.equals(h) && !id.equals(t)) {
        others.addAll(list);
      }
    });
    boolean entBetween = false;
    boolean entBeforeFirst = false;
    for (int[] o : others) {
      if (o[0] >= firstEnd && o[1] <= secondStart) {
        entBetween = true;
      }
      if (o[1] <= firstStart) {
        entBeforeFirst = true;
      }
    }
    f.add("entBetween=" + entBetween);
    f.add("entBefore=" + entBeforeFirst);
    String ord = hFirst ? "HT" : "TH";
    int between = 0;
    int before = 0;
    boolean quote = false;
    boolean neg = false;
    boolean speechBetween = false;
    boolean speechAny = false;
    String firstAfter = null;
    String lastBefore = null;
    List<String> betweenWords = new ArrayList<>();
    for (Tok k : toks) {
      String w = k.text();
      if (QUOTES.contains(w)) {
        quote = true;
      }
      boolean speech = !lex.speech(w).isEmpty();
      speechAny |= speech;
      if (k.start() >= firstEnd && k.end() <= secondStart) {
        between++;
        betweenWords.add(w);
        if (firstAfter == null) {
          firstAfter = w;
        }
        lastBefore = w;
        f.add("b=" + stem(w));
        if (NEGATION.contains(w)) {
          neg = true;
        }
        speechBetween |= speech;
        for (StanceLexicon.Verb v : lex.verbs(w)) {
          f.add("bv=" + v.pol());
          f.add("bv=" + v.pol() + "_" + ord);
        }
        for (StanceLexicon.Noun n : lex.nouns(w)) {
          f.add("bn=" + n.pol() + (n.inverse() ? "_inv" : ""));
        }
        int val = lex.valence(w);
        if (val != 0) {
          f.add("bval=" + val);
        }
        if (!lex.urge(w).isEmpty()) {
          f.add("burge");
        }
      } else if (k.end() <= firstStart) {
        before++;
      }
    }
    // window: three words before the first mention and after the second
    int n = toks.size();
    for (int i = 0; i < n; i++) {
      Tok k = toks.get(i);
      if (k.end() <= firstStart && k.start() >= 0) {
        int fromEnd = 0;
        for (int j = i + 1; j < n && toks.get(j).end() <= firstStart; j++) {
          fromEnd++;
        }
        if (fromEnd < 3) {
          f.add("L=" + stem(k.text()));
        }
      }
      if (k.start() >= secondEnd) {
        int fromStart = 0;
        for (int j = i - 1; j >= 0 && toks.get(j).start() >= secondEnd; j--) {
          fromStart++;
        }
        if (fromStart < 4) {
          f.add("R=" + stem(k.text()));
          for (StanceLexicon.Verb v : lex.verbs(k.text())) {
            f.add("rv=" + v.pol());
          }
          int val = lex.valence(k.text());
          if (val != 0) {
            f.add("rval=" + val);
          }
        }
      }
    }
    for (int i = 0; i + 1 < betweenWords.size(); i++) {
      f.add("bb=" + stem(betweenWords.get(i)) + "_" + stem(betweenWords.get(i + 1)));
    }
    if (firstAfter != null) {
      f.add("f1=" + stem(firstAfter));
      f.add("f1=" + stem(firstAfter) + "_" + ord);
      f.add("l2=" + stem(lastBefore));
      f.add("l2=" + stem(lastBefore) + "_" + ord);
    }
    f.add("dist=" + (between <= 2 ? "0-2" : between <= 5 ? "3-5" : between <= 10 ? "6-10"
        : between <= 20 ? "11-20" : "21+"));
    f.add("first=" + (before == 0));
    f.add("neg=" + neg);
    f.add("quote=" + quote);
    f.add("speechB=" + speechBetween);
    f.add("speech=" + speechAny);
    return f.toArray(new String[0]);
  }

  /**
   * Optional high-precision gate (experiment): the holder before the target, no other entity
   * between, and a lexicon verb, noun or valence word between them.
   */
  static boolean GATE = false;

  private static boolean gate(String[] features) {
    boolean ht = false;
    boolean clear = false;
    boolean cue = false;
    for (String f : features) {
      ht |= f.equals("ord=HT");
      clear |= f.equals("entBetween=false");
      cue |= f.startsWith("bv=") || f.startsWith("bn=") || f.startsWith("bval=");
    }
    return ht && clear && cue;
  }

  /** The rules' tags plus the backstop's for pairs the rules leave without a stance. */
  List<StanceTag> complete(String text, List<EntityMention> entities, List<StanceTag> rules) {
    Set<String> ruled = new java.util.HashSet<>();
    for (StanceTag t : rules) {
      ruled.add(t.holder() + "\u0001" + t.target());
    }
    List<StanceTag> out = new ArrayList<>(rules);
    for (Candidate c : candidates(lex, text, entities, rules)) {
      if (ruled.contains(c.holder() + "\u0001" + c.target())) {
        continue;
      }
      if (GATE && !gate(c.features())) {
        continue;
      }
      double[] p = model.eval(c.features());
      int best = -1;
      for (String label : List.of("FAVOR", "AGAINST")) {
        int i = model.getIndex(label);
        if (i >= 0 && p[i] >= threshold && (best < 0 || p[i] > p[best])) {
          best = i;
        }
      }
      if (best >= 0) {
        out.add(new StanceTag(c.holder(), c.target(), model.getOutcome(best), p[best] * 0.5,
            text.substring(c.sentenceStart(), c.sentenceEnd()),
            new int[] {c.sentenceStart(), c.sentenceEnd()}));
      }
    }
    return out;
  }
}
