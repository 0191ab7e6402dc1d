package io.policywire.tag;

import java.util.ArrayList;
import java.util.BitSet;
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
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds the knowledge base's aliases in a text with one Aho-Corasick automaton over folded text
 * (lower case, plain apostrophes, single spaces), then keeps a hit only when
 * <ul>
 *   <li>it starts and ends on a word boundary ("TikTok's" and "TikTok-owned" match, "Metaverse"
 *       does not match Meta);</li>
 *   <li>its case fits the alias: an acronym token must be upper case in the text ("US", not
 *       "us"), a capitalised token capitalised ("Oracle", not "oracle"; "Trump", not "trump"),
 *       a token with inner capitals not all lower case ("TikTok", "iPhone");</li>
 *   <li>no longer hit covers it: "Apple Music" is a product, not Apple; "Amazon rainforest" is a
 *       block row and hides Amazon;</li>
 *   <li>an alias that is also a common word ({@code Signal~}, {@code Apple~}) at the start of a
 *       sentence counts only when the entity is also named mid-sentence;</li>
 *   <li>for an alias shared by several entities ({@code Supreme Court@}), the document names the
 *       jurisdiction of one of them (a country, a capital, a body of that country, or a
 *       demonym); otherwise the hit is dropped as ambiguous.</li>
 * </ul>
 */
final class DictionaryMatcher {

  /** One accepted hit: original offsets, and the entity (never a block row). */
  record Hit(int start, int end, KbEntity entity) {}

  private record Form(KbEntity entity, String[] tokens, boolean shared, boolean common) {}

  private record Raw(int start, int end, List<Form> forms) {
    int length() {
      return end - start;
    }
  }

  private static final Pattern DEMONYM = Pattern.compile(
      "\\b(American|Chinese|European|British|Indian|Japanese|Korean|Australian|Canadian"
          + "|Brazilian|Taiwanese|Russian|French|German|Irish|Californian)s?\\b");
  private static final Map<String, String> DEMONYMS = Map.ofEntries(
      Map.entry("american", "US"), Map.entry("chinese", "CN"), Map.entry("european", "EU"),
      Map.entry("british", "UK"), Map.entry("indian", "IN"), Map.entry("japanese", "JP"),
      Map.entry("korean", "KR"), Map.entry("australian", "AU"), Map.entry("canadian", "CA"),
      Map.entry("brazilian", "BR"), Map.entry("taiwanese", "TW"), Map.entry("russian", "RU"),
      Map.entry("french", "FR"), Map.entry("german", "DE"), Map.entry("irish", "IE"),
      Map.entry("californian", "US"));

  private final PayloadTrie<List<Form>> trie;
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
          forms.add(new Form(e, tokens, shared, commonKeys.contains(key)));
        }
      }
    }
    PayloadTrie.PayloadTrieBuilder<List<Form>> builder = PayloadTrie.builder();
    byKey.forEach(builder::addKeyword);
    this.trie = builder.build();
    this.aliasCount = byKey.size();
  }

  int aliasCount() {
    return aliasCount;
  }

  List<Hit> find(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    FoldedText folded = FoldedText.of(text);
    String f = folded.folded;
    List<Raw> raws = new ArrayList<>();
    trie.parseText(f, emit -> {
      int s = emit.getStart();
      int e = emit.getEnd();
      if ((s > 0 && FoldedText.isWordChar(f.charAt(s - 1)))
          || (e + 1 < f.length() && FoldedText.isWordChar(f.charAt(e + 1)))) {
        return true;
      }
      int start = folded.start(s);
      int end = folded.end(e);
      String surface = text.substring(start, end);
      List<Form> fitting = new ArrayList<>();
      for (Form form : emit.getPayload()) {
        if (caseFits(form.tokens, surface)) {
          fitting.add(form);
        }
      }
      if (!fitting.isEmpty()) {
        raws.add(new Raw(start, end, fitting));
      }
      return true;
    });
    raws.sort(Comparator.comparingInt(Raw::length).reversed()
        .thenComparingInt(Raw::start));
    BitSet taken = new BitSet(text.length());
    List<Raw> kept = new ArrayList<>();
    for (Raw r : raws) {
      if (taken.get(r.start, r.end).isEmpty()) {
        taken.set(r.start, r.end);
        kept.add(r);
      }
    }
    kept.sort(Comparator.comparingInt(Raw::start));

    Set<String> evidence = jurisdictions(text, kept);
    List<Hit> hits = new ArrayList<>();
    List<Hit> doubtful = new ArrayList<>();
    Set<String> confirmed = new HashSet<>();
    for (Raw r : kept) {
      Form chosen = choose(r.forms, evidence);
      if (chosen == null || chosen.entity.isBlock()) {
        continue;
      }
      Hit hit = new Hit(r.start, r.end, chosen.entity);
      if (chosen.common && sentenceInitial(text, r.start)) {
        doubtful.add(hit);
      } else {
        hits.add(hit);
        confirmed.add(chosen.entity.id());
      }
    }
    for (Hit d : doubtful) {
      if (confirmed.contains(d.entity().id())) {
        hits.add(d);
      }
    }
    hits.sort(Comparator.comparingInt(Hit::start));
    return hits;
  }

  /** The first unshared form; else the first shared one whose jurisdiction the text names. */
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
    Matcher m = DEMONYM.matcher(text);
    while (m.find()) {
      out.add(DEMONYMS.get(m.group(1).toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  private static String country(String jurisdiction) {
    int dash = jurisdiction.indexOf('-');
    return dash < 0 ? jurisdiction : jurisdiction.substring(0, dash);
  }

  /** Case rules, token by token (folding kept whitespace runs as the only token breaks). */
  static boolean caseFits(String[] aliasTokens, String surface) {
    String[] tokens = surface.strip().split("\\s+");
    if (tokens.length != aliasTokens.length) {
      return false;
    }
    for (int i = 0; i < tokens.length; i++) {
      if (!tokenFits(aliasTokens[i], tokens[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean tokenFits(String alias, String text) {
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < alias.length(); i++) {
      char c = alias.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isLowerCase(c)) {
        lower++;
      }
    }
    if (upper == 0) {
      return true;
    }
    if (upper >= 2 && lower == 0) {
      return text.equals(alias) || text.equals(text.toUpperCase(Locale.ROOT));
    }
    char first = firstLetter(alias);
    if (Character.isUpperCase(first)) {
      return Character.isUpperCase(firstLetter(text));
    }
    return !text.equals(text.toLowerCase(Locale.ROOT));
  }

  private static char firstLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return s.charAt(i);
      }
    }
    return ' ';
  }

  /** How many entities each alias key maps to, for diagnostics. */
  static Map<String, Integer> countByType(KnowledgeBase kb) {
    Map<String, Integer> out = new HashMap<>();
    kb.entities().forEach(e -> out.merge(e.type(), 1, Integer::sum));
    return out;
  }
}
