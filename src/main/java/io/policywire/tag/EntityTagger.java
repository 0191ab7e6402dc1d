package io.policywire.tag;

import io.policywire.model.EntityMention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tags a text with the entities it talks about: plain Java in, plain Java out, no Kafka. The tag
 * stage, {@code annotate} and the evaluation harness all call {@link #tag(String, String)}.
 *
 * <p>Knowledge-base aliases are found by {@link DictionaryMatcher}; names the knowledge base does
 * not know by {@link NameFinder} (they get generated ids and {@code known: false}). Then
 * in-document short forms are resolved: a person's surname (or, for names written surname first,
 * the first token) after the full name, and "the company" when the company named just before is
 * unambiguous. Each entity gets its spans in the text, a mention count and a salience in [0, 1]
 * from the headline, the lead and its share of mentions.
 *
 * <p>Thread-safe: one instance serves every stream thread.
 */
public final class EntityTagger {

  private static final Object LOCK = new Object();
  private static volatile EntityTagger shared;

  private static final int COMPANY_WINDOW = 400;
  private static final int LEAD_CHARS = 400;
  private static final Set<String> NOT_SHORT_FORMS = Set.of("The", "And", "But", "For", "With",
      "Former", "President", "Chief", "Mr", "Mrs", "Ms", "Dr", "Van", "Von", "Der", "De", "Da",
      "Del", "Jr", "Sr", "Saint", "San", "New", "North", "South", "East", "West");

  private final KnowledgeBase kb;
  private final DictionaryMatcher matcher;
  private final NameFinder names;

  private EntityTagger(KnowledgeBase kb, NameFinder names) {
    this.kb = kb;
    this.matcher = new DictionaryMatcher(kb);
    this.names = names;
  }

  /** The shipped knowledge base with open-vocabulary names; built once, then shared. */
  public static EntityTagger defaults() {
    EntityTagger t = shared;
    if (t == null) {
      synchronized (LOCK) {
        t = shared;
        if (t == null) {
          t = new EntityTagger(KnowledgeBase.builtIn(), NameFinder.load());
          shared = t;
        }
      }
    }
    return t;
  }

  /** The shipped knowledge base plus users' extra files; the default one when there are none. */
  public static EntityTagger withExtraKnowledge(List<Path> extra) {
    return extra.isEmpty() ? defaults()
        : new EntityTagger(KnowledgeBase.load(extra), NameFinder.load());
  }

  /** A tagger over {@code kb}, with or without open-vocabulary names. */
  public static EntityTagger create(KnowledgeBase kb, boolean openVocabulary) {
    return new EntityTagger(kb, openVocabulary ? NameFinder.load() : null);
  }

  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /** The entities of a text with no headline. */
  public List<EntityMention> tag(String text) {
    return tag(null, text);
  }

  /**
   * The entities of an article, most salient first; spans point into {@code text}. An entity
   * named only in the headline is listed with one mention and no spans.
   */
  public List<EntityMention> tag(String title, String text) {
    return tag(title, text, null);
  }

  /**
   * As {@link #tag(String, String)}, plus the outlet or agency the article credits as its origin
   * ("AFP", "TechCrunch"), which normalize lifts out of the text: it is listed with one mention
   * and no spans, as a known outlet when the knowledge base has it, else as a new MEDIA entity.
   */
  public List<EntityMention> tag(String title, String text, String origin) {
    List<EntityMention> out = tagText(title, text);
    if (origin == null || origin.isBlank()) {
      return out;
    }
    for (EntityMention m : out) {
      if (m.name().equalsIgnoreCase(origin.strip())) {
        return out;
      }
    }
    List<DictionaryMatcher.Hit> hits = matcher.find(origin);
    Ref ref = hits.size() == 1 && hits.get(0).end() - hits.get(0).start() == origin.strip().length()
        ? Ref.of(hits.get(0).entity()) : Ref.unknown(origin.strip(), "MEDIA");
    if (out.stream().anyMatch(m -> m.id().equals(ref.id))) {
      return out;
    }
    List<EntityMention> withOrigin = new ArrayList<>(out);
    withOrigin.add(mention(ref, 1, salience(false, false, 0, 1), List.of()));
    return withOrigin;
  }

  private List<EntityMention> tagText(String title, String text) {
    String body = text == null ? "" : text;
    List<Found> found = new ArrayList<>();
    DictionaryMatcher.Result dictionary = matcher.findAll(body);
    for (DictionaryMatcher.Hit h : dictionary.hits()) {
      found.add(new Found(h.start(), h.end(), Ref.of(h.entity())));
    }
    Found[] owner = new Found[body.length()];
    found.forEach(f -> occupy(owner, f));
    if (names != null) {
      addNames(body, found, owner, dictionary.withheld());
    }
    found.sort(Comparator.comparingInt(Found::start));
    addShortForms(body, found, owner);
    found.sort(Comparator.comparingInt(Found::start));
    addCompanyReferences(body, found, owner);
    found.sort(Comparator.comparingInt(Found::start));

    return summarise(body, found, titleEntities(title, found));
  }

  /**
   * Adds the open-vocabulary names that overlap nothing already found, except that a name with a
   * head word may take in a place it starts with ("Taiwan News" is an outlet, not Taiwan).
   */
  private void addNames(String body, List<Found> found, Found[] owner, List<int[]> withheld) {
    BitSet covered = new BitSet(body.length());
    found.forEach(f -> covered.set(f.start, f.end));
    BitSet held = new BitSet(body.length());
    withheld.forEach(w -> held.set(w[0], w[1]));
    Set<Found> removed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (NameFinder.Name n : names.find(body, covered)) {
      if (held.get(n.start(), n.end()).cardinality() > 0) {
        continue;
      }
      Set<Found> inside = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      boolean blocked = false;
      for (int i = n.start(); i < n.end() && !blocked; i++) {
        Found f = owner[i];
        if (f != null && inside.add(f)) {
          blocked = !(n.strongCue() && n.start() <= f.start && f.end <= n.end()
              && (n.end() - n.start()) > (f.end - f.start) && f.ref.type.equals("GPE"));
        }
      }
      if (blocked) {
        continue;
      }
      removed.addAll(inside);
      Found name = new Found(n.start(), n.end(), Ref.unknown(n.name(), n.type()));
      found.add(name);
      occupy(owner, name);
    }
    if (!removed.isEmpty()) {
      found.removeIf(removed::contains);
    }
  }

  private static void occupy(Found[] owner, Found f) {
    java.util.Arrays.fill(owner, f.start, f.end, f);
  }

  private static boolean free(Found[] owner, int start, int end) {
    for (int i = start; i < end; i++) {
      if (owner[i] != null) {
        return false;
      }
    }
    return true;
  }

  /** Surnames (and first tokens) of people already named in full, after that first mention. */
  private static void addShortForms(String body, List<Found> found, Found[] owner) {
    Map<String, Ref> byToken = new HashMap<>();
    Map<String, Integer> firstFull = new HashMap<>();
    Set<String> clashing = new HashSet<>();
    for (Found f : found) {
      if (!f.ref.type.equals("PERSON")) {
        continue;
      }
      String[] tokens = firstAndLast(body.substring(f.start, f.end));
      if (tokens == null) {
        continue;
      }
      firstFull.merge(f.ref.id, f.end, Math::min);
      for (String token : tokens) {
        String t = token.endsWith(".") || token.endsWith(",")
            ? token.substring(0, token.length() - 1) : token;
        if (t.length() < 3 || NOT_SHORT_FORMS.contains(t) || !Character.isUpperCase(t.charAt(0))) {
          continue;
        }
        Ref before = byToken.putIfAbsent(t, f.ref);
        if (before != null && !before.id.equals(f.ref.id)) {
          clashing.add(t);
        }
      }
    }
    clashing.forEach(byToken::remove);
    if (byToken.isEmpty()) {
      return;
    }
    long lengths = 0;
    for (String token : byToken.keySet()) {
      lengths |= 1L << Math.min(token.length(), 63);
    }
    List<Found> added = new ArrayList<>();
    char[] chars = body.toCharArray();
    int n = chars.length;
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (!FoldedText.isUpper(c) || (i > 0 && FoldedText.isWordChar(chars[i - 1]))) {
        continue;
      }
      int end = i + 1;
      while (end < n && Character.isLetter(chars[end])) {
        end++;
      }
      // only a word as long as some short form is looked up (most capitalised words are not)
      Ref ref = (lengths & 1L << Math.min(end - i, 63)) == 0 ? null
          : byToken.get(new String(chars, i, end - i));
      if (ref != null && (end >= n || !FoldedText.isWordChar(chars[end]))
          && i >= firstFull.get(ref.id) && free(owner, i, end)) {
        Found f = new Found(i, end, ref);
        added.add(f);
        occupy(owner, f);
      }
      i = end;
    }
    found.addAll(added);
  }

  /**
   * The first and last of {@code s.split("\\s+")}, or null when there are fewer than two: the
   * same strings without compiling the regex for every person found.
   */
  static String[] firstAndLast(String s) {
    int end = s.length();
    while (end > 0 && NameFinder.regexSpace(s.charAt(end - 1))) {
      end--;
    }
    int firstEnd = 0;
    while (firstEnd < end && !NameFinder.regexSpace(s.charAt(firstEnd))) {
      firstEnd++;
    }
    if (firstEnd >= end) {
      return null;
    }
    int lastStart = end;
    while (!NameFinder.regexSpace(s.charAt(lastStart - 1))) {
      lastStart--;
    }
    return new String[] {s.substring(0, firstEnd), s.substring(lastStart, end)};
  }

  /** "the company" for the one company named in the few sentences before it. */
  private static void addCompanyReferences(String body, List<Found> found, Found[] owner) {
    List<Found> added = new ArrayList<>();
    for (String phrase : new String[] {"he company", "he firm"}) {
      for (int i = body.indexOf(phrase); i >= 0; i = body.indexOf(phrase, i + 1)) {
        int at = i - 1;
        int end = i + phrase.length();
        if (at < 0 || (body.charAt(at) != 't' && body.charAt(at) != 'T')
            || (at > 0 && Character.isLetterOrDigit(body.charAt(at - 1)))
            || (end < body.length() && Character.isLetterOrDigit(body.charAt(end)))
            || !free(owner, at, end)) {
          continue;
        }
        Set<String> companies = new LinkedHashSet<>();
        Ref last = null;
        for (int k = Math.max(0, at - COMPANY_WINDOW); k < at; k++) {
          Found f = owner[k];
          if (f != null && f.end <= at && f.ref.isCompany()) {
            companies.add(f.ref.id);
            last = f.ref;
          }
        }
        if (companies.size() == 1) {
          Found f = new Found(at, end, last);
          added.add(f);
          occupy(owner, f);
        }
      }
    }
    found.addAll(added);
  }

  /** The entities the headline names: aliases, and names or surnames found in the text. */
  private Map<String, Ref> titleEntities(String title, List<Found> found) {
    Map<String, Ref> ids = new LinkedHashMap<>();
    if (title == null || title.isBlank()) {
      return ids;
    }
    for (DictionaryMatcher.Hit h : matcher.find(title)) {
      ids.put(h.entity().id(), Ref.of(h.entity()));
    }
    String lower = title.toLowerCase(Locale.ROOT);
    Map<String, String> checked = new HashMap<>();
    for (Found f : found) {
      if (ids.containsKey(f.ref.id) || f.ref.name.equals(checked.put(f.ref.id, f.ref.name))) {
        continue;
      }
      String name = f.ref.name.toLowerCase(Locale.ROOT);
      if (containsWord(lower, name)) {
        ids.put(f.ref.id, f.ref);
      } else if (f.ref.type.equals("PERSON")) {
        String[] tokens = firstAndLast(name);
        if (tokens != null && containsWord(lower, tokens[1])) {
          ids.put(f.ref.id, f.ref);
        }
      }
    }
    return ids;
  }

  private static boolean containsWord(String haystack, String word) {
    int from = 0;
    while (true) {
      int i = haystack.indexOf(word, from);
      if (i < 0) {
        return false;
      }
      int end = i + word.length();
      boolean left = i == 0 || !Character.isLetterOrDigit(haystack.charAt(i - 1));
      boolean right = end >= haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end));
      if (left && right) {
        return true;
      }
      from = i + 1;
    }
  }

  private static List<EntityMention> summarise(String body, List<Found> found,
      Map<String, Ref> inTitle) {
    Map<String, List<Found>> byId = new LinkedHashMap<>();
    for (Found f : found) {
      byId.computeIfAbsent(f.ref.id, k -> new ArrayList<>()).add(f);
    }
    int lead = leadEnd(body);
    int max = byId.values().stream().mapToInt(List::size).max().orElse(1);
    List<EntityMention> out = new ArrayList<>();
    for (List<Found> mentions : byId.values()) {
      Ref ref = mentions.get(0).ref;
      List<int[]> spans = new ArrayList<>();
      for (Found f : mentions) {
        spans.add(new int[] {f.start, f.end});
      }
      boolean title = inTitle.containsKey(ref.id);
      boolean leads = mentions.get(0).start < lead;
      out.add(mention(ref, mentions.size(), salience(title, leads, mentions.size(), max), spans));
    }
    for (Map.Entry<String, Ref> e : inTitle.entrySet()) {
      if (!byId.containsKey(e.getKey())) {
        out.add(mention(e.getValue(), 1, salience(true, false, 1, max), List.of()));
      }
    }
    out.sort(Comparator.comparingDouble(EntityMention::salience).reversed()
        .thenComparingInt(m -> m.spans().isEmpty() ? Integer.MAX_VALUE : m.spans().get(0)[0]));
    return out;
  }

  private static EntityMention mention(Ref ref, int count, double salience, List<int[]> spans) {
    return new EntityMention(ref.id, ref.name, ref.type, ref.wikidata, count, salience, spans,
        ref.known);
  }

  /** Headline 0.4, lead 0.25, share of the most-mentioned entity's count 0.35. */
  static double salience(boolean title, boolean lead, int mentions, int max) {
    double s = (title ? 0.4 : 0) + (lead ? 0.25 : 0) + 0.35 * mentions / max;
    return Math.round(Math.min(1.0, s) * 1000) / 1000.0;
  }

  /** The lead: the first paragraph, or the first {@value #LEAD_CHARS} characters if shorter. */
  static int leadEnd(String body) {
    int para = body.indexOf("\n\n", 1);
    if (para < 0) {
      para = body.indexOf('\n', 1);
    }
    return Math.max(para < 0 ? body.length() : para, Math.min(LEAD_CHARS, body.length()));
  }

  private record Found(int start, int end, Ref ref) {}

  /** What a mention refers to: a knowledge-base row, or a name recognised from the text. */
  private record Ref(String id, String name, String type, String wikidata, boolean known,
      String role) {

    static Ref of(KbEntity e) {
      return new Ref(e.id(), e.name(), e.type(), e.wikidata(), true, e.role());
    }

    static Ref unknown(String name, String type) {
      return new Ref(NameFinder.idFor(type, name), name, type, null, false, null);
    }

    boolean isCompany() {
      return type.equals("ORG") && (role == null || role.equals("company") || role.equals("platform"));
    }
  }
}
