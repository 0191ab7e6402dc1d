package io.policywire.tag;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the knowledge base's aliases in a folded text (lower case, plain apostrophes, single
 * spaces) with one Aho-Corasick automaton ({@code com.hankcs}' double-array trie: a transition
 * is an array read, not a map look-up), then keeps a hit only when
 * <ul>
 *   <li>it starts and ends on a word boundary ("TikTok's" and "TikTok-owned" match, "Metaverse"
 *       does not match Meta);</li>
 *   <li>its case fits the alias: an acronym token must be upper case in the text ("US", not
 *       "us"), a capitalised token capitalised ("Oracle", not "oracle"; "Trump", not "trump"),
 *       a token with inner capitals not all lower case ("TikTok", "iPhone");</li>
 *   <li>no longer hit covers it: "Apple Music" is a product, not Apple; "Amazon rainforest" is a
 *       block row and hides Amazon;</li>
 *   <li>an alias that is also a common word ({@code Signal~}, {@code Apple~}) at the start of a
 *       sentence counts only when a verb of reporting or a possessive follows ("Apple said",
 *       "Apple's") or the entity is also named mid-sentence;</li>
 *   <li>for an alias shared by several entities ({@code Supreme Court@}), the document names the
 *       jurisdiction of one of them (a country, a capital, a body of that country, or a
 *       demonym); otherwise the hit is dropped as ambiguous.</li>
 * </ul>
 */
final class DictionaryMatcher {

  /** One accepted hit: original offsets, and the entity (never a block row). */
  record Hit(int start, int end, KbEntity entity) {}

  /**
   * The hits, and the spans of aliases that were left out as ambiguous (a shared alias with no
   * jurisdiction named, a common word opening a sentence): no other finder should tag those.
   */
  record Result(List<Hit> hits, List<int[]> withheld) {}

  private record Form(KbEntity entity, String[] tokens, byte[] rules, boolean shared,
      boolean common) {}

  private static final byte ANY = 0;
  private static final byte ALL_CAPS = 1;
  private static final byte INITIAL_CAP = 2;
  private static final byte NOT_LOWER = 3;

  /** The case rule of one alias token: "US" all caps, "Oracle" initial, "iPhone" not lower. */
  static byte rule(String alias) {
    int upper = 0;
    int lower = 0;
    char first = ' ';
    for (int i = 0; i < alias.length(); i++) {
      char c = alias.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isLowerCase(c)) {
        lower++;
      }
      if (first == ' ' && Character.isLetter(c)) {
        first = c;
      }
    }
    if (upper == 0) {
      return ANY;
    }
    if (upper >= 2 && lower == 0) {
      return ALL_CAPS;
    }
    return Character.isUpperCase(first) ? INITIAL_CAP : NOT_LOWER;
  }

  private record Raw(int start, int end, List<Form> forms) {
    int length() {
      return end - start;
    }
  }

  private static final Map<String, String> DEMONYMS = Map.ofEntries(
      Map.entry("American", "US"), Map.entry("Chinese", "CN"), Map.entry("European", "EU"),
      Map.entry("British", "UK"), Map.entry("Indian", "IN"), Map.entry("Japanese", "JP"),
      Map.entry("Korean", "KR"), Map.entry("Australian", "AU"), Map.entry("Canadian", "CA"),
      Map.entry("Brazilian", "BR"), Map.entry("Taiwanese", "TW"), Map.entry("Russian", "RU"),
      Map.entry("French", "FR"), Map.entry("German", "DE"), Map.entry("Irish", "IE"),
      Map.entry("Californian", "US"));

  private final AhoCorasickDoubleArrayTrie<List<Form>> automaton;
  private final int aliasCount;

  DictionaryMatcher(KnowledgeBase kb) {
    Map<String, List<Form>> byKey = new LinkedHashMap<>();
    for (KbEntity e : kb.entities()) {
      List<String> surfaces = new ArrayList<>();
      surfaces.add(e.name());
      surfaces.addAll(e.aliases());
      Set<String> commonKeys = new HashSet<>();
      for (String surface : surfaces) {
        if (surface.endsWith("~")) {
          commonKeys.add(FoldedText.key(surface.substring(0, surface.length() - 1)));
        }
      }
      for (String surface : surfaces) {
        String s = surface.strip();
        boolean shared = s.endsWith("@");
        if (shared || s.endsWith("~")) {
          s = s.substring(0, s.length() - 1).strip();
        }
        String key = FoldedText.key(s);
        if (key.isEmpty()) {
          continue;
        }
        List<Form> forms = byKey.computeIfAbsent(key, k -> new ArrayList<>());
        String[] tokens = s.split("\\s+");
        boolean duplicate = forms.stream().anyMatch(
            f -> f.entity == e && String.join(" ", f.tokens).equals(String.join(" ", tokens)));
        if (!duplicate) {
          byte[] rules = new byte[tokens.length];
          for (int i = 0; i < tokens.length; i++) {
            rules[i] = rule(tokens[i]);
          }
          forms.add(new Form(e, tokens, rules, shared, commonKeys.contains(key)));
        }
      }
    }
    this.automaton = automaton(byKey);
    this.aliasCount = byKey.size();
  }

  int aliasCount() {
    return aliasCount;
  }

  List<Hit> find(String text) {
    return findAll(text).hits();
  }

  Result findAll(String text) {
    if (text == null || text.isEmpty()) {
      return new Result(List.of(), List.of());
    }
    FoldedText folded = FoldedText.of(text);
    char[] f = folded.chars;
    int length = folded.length;
    List<Raw> raws = new ArrayList<>();
    Sink<List<Form>> sink = (s, e, forms) -> {
      if (e + 1 < length && FoldedText.isWordChar(f[e + 1])) {
        return;
      }
      int start = folded.start(s);
      int end = folded.end(e);
      List<Form> fitting = fitting(forms, text, start, end);
      if (!fitting.isEmpty()) {
        raws.add(new Raw(start, end, fitting));
      }
    };
    wordStartHits(automaton, f, length, sink);
    raws.sort(LONGEST_FIRST);
    BitSet taken = new BitSet(text.length());
    List<Raw> kept = new ArrayList<>();
    for (Raw r : raws) {
      if (taken.get(r.start, r.end).isEmpty()) {
        taken.set(r.start, r.end);
        kept.add(r);
      }
    }
    kept.sort(BY_START);

    Set<String> evidence = null;
    List<Hit> hits = new ArrayList<>();
    List<Hit> doubtful = new ArrayList<>();
    List<int[]> withheld = new ArrayList<>();
    Set<String> confirmed = new HashSet<>();
    for (Raw r : kept) {
      if (evidence == null && allShared(r.forms)) {
        // only a shared alias needs the jurisdictions the document names
        evidence = jurisdictions(text, kept);
      }
      Form chosen = choose(r.forms, evidence);
      if (chosen == null) {
        withheld.add(new int[] {r.start, r.end});
        continue;
      }
      if (chosen.entity.isBlock()) {
        continue;
      }
      Hit hit = new Hit(r.start, r.end, chosen.entity);
      if (chosen.common && sentenceInitial(text, r.start) && !verbFollows(text, r.end)) {
        doubtful.add(hit);
      } else {
        hits.add(hit);
        confirmed.add(chosen.entity.id());
      }
    }
    for (Hit d : doubtful) {
      if (confirmed.contains(d.entity().id())) {
        hits.add(d);
      } else {
        withheld.add(new int[] {d.start(), d.end()});
      }
    }
    hits.sort(Comparator.comparingInt(Hit::start));
    return new Result(hits, withheld);
  }

  /** Receives one key found: its first and last index in the text, and the key's value. */
  interface Sink<T> {
    void hit(int start, int endInclusive, T value);
  }

  /** An Aho-Corasick automaton over the keys of {@code byKey} (none empty). */
  static <T> AhoCorasickDoubleArrayTrie<T> automaton(Map<String, T> byKey) {
    AhoCorasickDoubleArrayTrie<T> automaton = new AhoCorasickDoubleArrayTrie<>();
    automaton.build(new TreeMap<>(byKey));
    return automaton;
  }

  /**
   * Every key found in {@code text[0, length)} that starts on a word start (the text's start, or
   * after a char that is not a word char); the end is not checked here. The automaton reads the
   * whole array: a key ending past {@code length} is dropped (none does, as no key holds the
   * zero chars there).
   */
  static <T> void wordStartHits(AhoCorasickDoubleArrayTrie<T> automaton, char[] text, int length,
      Sink<T> sink) {
    automaton.parseText(text, (int begin, int end, T value) -> {
      if (end <= length && (begin == 0 || !FoldedText.isWordChar(text[begin - 1]))) {
        sink.hit(begin, end - 1, value);
      }
    });
  }

  private static final Comparator<Raw> LONGEST_FIRST =
      Comparator.comparingInt(Raw::length).reversed().thenComparingInt(Raw::start);
  private static final Comparator<Raw> BY_START = Comparator.comparingInt(Raw::start);

  /** The forms whose case rules {@code text[start, end)} fits; {@code forms} when all do. */
  private static List<Form> fitting(List<Form> forms, String text, int start, int end) {
    List<Form> out = forms;
    for (int k = 0; k < forms.size(); k++) {
      if (!caseFits(forms.get(k).rules, text, start, end)) {
        if (out == forms) {
          out = new ArrayList<>(forms.subList(0, k));
        }
      } else if (out != forms) {
        out.add(forms.get(k));
      }
    }
    return out;
  }

  private static boolean allShared(List<Form> forms) {
    for (Form f : forms) {
      if (!f.shared) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first unshared form; else the first shared one whose jurisdiction the text names
   * ({@code evidence}, not null when every form is shared).
   */
  private static Form choose(List<Form> forms, Set<String> evidence) {
    for (Form f : forms) {
      if (!f.shared) {
        return f;
      }
    }
    for (Form f : forms) {
      if (f.entity.jurisdiction() != null && evidence.contains(country(f.entity.jurisdiction()))) {
        return f;
      }
    }
    return null;
  }

  private static final Pattern VERB_AFTER = Pattern.compile("^(?:'s|\u2019s)\\b|^\\s+(?:(?:said"
      + "|says|has|had|have|is|was|will|would|could|can|announced|sued|filed|agreed|plans"
      + "|planned|declined|launched|reported|told|added|also|did|does|Inc|Corp|shares|CEO|chief"
      + "|executive|spokesperson|spokesman|spokeswoman|\\p{Ll}{3,}ed)\\b|and \\p{Lu})");

  /**
   * "Apple said", "Meta blocked", "Apple's", "Apple and Google": a verb or a possessive after the
   * word shows it is the subject, a name.
   */
  static boolean verbFollows(String text, int end) {
    return VERB_AFTER.matcher(text.subSequence(end, Math.min(text.length(), end + 40))).find();
  }

  /**
   * A common-word alias ({@code Signal~}) at the start of a sentence or line is capitalised by
   * grammar, not because it is a name: it counts only if the entity is also named elsewhere.
   */
  static boolean sentenceInitial(String text, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (Character.isWhitespace(c) || c == '"' || c == '\u201C' || c == '\'' || c == '\u2018'
          || c == '(' || c == '\u2022' || c == '-' || c == '*') {
        continue;
      }
      return c == '.' || c == '!' || c == '?' || c == ':';
    }
    return true;
  }

  private static Set<String> jurisdictions(String text, List<Raw> kept) {
    Set<String> out = new HashSet<>();
    for (Raw r : kept) {
      for (Form f : r.forms) {
        String type = f.entity.type();
        if (!f.shared && f.entity.jurisdiction() != null
            && (type.equals("GPE") || type.equals("GOV"))) {
          out.add(country(f.entity.jurisdiction()));
        }
      }
    }
    for (Map.Entry<String, String> d : DEMONYMS.entrySet()) {
      if (!out.contains(d.getValue()) && containsWord(text, d.getKey())) {
        out.add(d.getValue());
      }
    }
    return out;
  }

  /** {@code word} (capitalised) as a whole word, or followed by "s" ("Americans"). */
  private static boolean containsWord(String text, String word) {
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      int end = i + word.length();
      if (end < text.length() && text.charAt(end) == 's') {
        end++;
      }
      if ((i == 0 || !FoldedText.isWordChar(text.charAt(i - 1)))
          && (end >= text.length() || !FoldedText.isWordChar(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static String country(String jurisdiction) {
    int dash = jurisdiction.indexOf('-');
    return dash < 0 ? jurisdiction : jurisdiction.substring(0, dash);
  }

  /**
   * Case rules of {@code surface[from, to)}, token by token (folding kept whitespace runs as the
   * only token breaks). Walks the text without copying or splitting it: this runs for every raw
   * hit.
   */
  static boolean caseFits(byte[] rules, String surface, int from, int to) {
    int i = from;
    int n = to;
    for (byte rule : rules) {
      while (i < n && Character.isWhitespace(surface.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(surface.charAt(i))) {
        i++;
      }
      if (start == i || !tokenFits(rule, surface, start, i)) {
        return false;
      }
    }
    while (i < n && Character.isWhitespace(surface.charAt(i))) {
      i++;
    }
    return i == n;
  }

  private static boolean tokenFits(byte rule, String text, int from, int to) {
    switch (rule) {
      case ALL_CAPS -> {
        for (int i = from; i < to; i++) {
          if (Character.isLowerCase(text.charAt(i))) {
            return false;
          }
        }
        return true;
      }
      case INITIAL_CAP -> {
        for (int i = from; i < to; i++) {
          char c = text.charAt(i);
          if (Character.isLetter(c)) {
            return Character.isUpperCase(c);
          }
        }
        return false;
      }
      case NOT_LOWER -> {
        for (int i = from; i < to; i++) {
          if (Character.isUpperCase(text.charAt(i))) {
            return true;
          }
        }
        return false;
      }
      default -> {
        return true;
      }
    }
  }
}
