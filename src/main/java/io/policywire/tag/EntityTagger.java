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
    String body = text == null ? "" : text;
    List<Found> found = new ArrayList<>();
    DictionaryMatcher.Result dictionary = matcher.findAll(body);
    for (DictionaryMatcher.Hit h : dictionary.hits()) {
      found.add(new Found(h.start(), h.end(), Ref.of(h.entity())));
    }
    if (names != null) {
      addNames(body, found, dictionary.withheld());
    }
    found.sort(Comparator.comparingInt(Found::start));
    addShortForms(body, found);
    addCompanyReferences(body, found);
    found.sort(Comparator.comparingInt(Found::start));

    return summarise(body, found, titleEntities(title, found));
  }

  /**
   * Adds the open-vocabulary names that overlap nothing already found, except that a name with a
   * head word may take in a place it starts with ("Taiwan News" is an outlet, not Taiwan).
   */
  private void addNames(String body, List<Found> found, List<int[]> withheld) {
    BitSet covered = new BitSet(body.length());
    found.forEach(f -> covered.set(f.start, f.end));
    List<NameFinder.Name> candidates = names.find(body, covered);
    for (NameFinder.Name n : candidates) {
      List<Found> inside = new ArrayList<>();
      boolean blocked = false;
      for (int[] w : withheld) {
        blocked |= w[0] < n.end() && n.start() < w[1];
      }
      for (Found f : found) {
        if (f.start < n.end() && n.start() < f.end) {
          if (n.strongCue() && n.start() <= f.start && f.end <= n.end()
              && (n.end() - n.start()) > (f.end - f.start) && f.ref.type.equals("GPE")) {
            inside.add(f);
          } else {
            blocked = true;
            break;
          }
        }
      }
      if (blocked) {
        continue;
      }
      found.removeAll(inside);
      found.add(new Found(n.start(), n.end(), Ref.unknown(n.name(), n.type())));
    }
  }

  /** Surnames (and first tokens) of people already named in full, after that first mention. */
  private static void addShortForms(String body, List<Found> found) {
    Map<String, Ref> byToken = new HashMap<>();
    Map<String, Integer> firstFull = new HashMap<>();
    Set<String> clashing = new HashSet<>();
    for (Found f : found) {
      if (!f.ref.type.equals("PERSON")) {
        continue;
      }
      String surface = body.substring(f.start, f.end);
      String[] tokens = surface.split("\\s+");
      if (tokens.length < 2) {
        continue;
      }
      firstFull.merge(f.ref.id, f.end, Math::min);
      for (String token : new String[] {tokens[0], tokens[tokens.length - 1]}) {
        String t = token.replaceAll("[.,]$", "");
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
    List<Found> added = new ArrayList<>();
    int n = body.length();
    for (int i = 0; i < n; i++) {
      char c = body.charAt(i);
      if (!Character.isUpperCase(c) || (i > 0 && Character.isLetterOrDigit(body.charAt(i - 1)))) {
        continue;
      }
      int end = i + 1;
      while (end < n && Character.isLetter(body.charAt(end))) {
        end++;
      }
      Ref ref = byToken.get(body.substring(i, end));
      if (ref != null && (end >= n || !Character.isLetterOrDigit(body.charAt(end)))
          && i >= firstFull.get(ref.id) && !overlaps(found, i, end)) {
        added.add(new Found(i, end, ref));
      }
      i = end;
    }
    found.addAll(added);
  }

  /** "the company" for the one company named in the few sentences before it. */
  private static void addCompanyReferences(String body, List<Found> found) {
    List<Found> added = new ArrayList<>();
    for (String phrase : new String[] {"he company", "he firm"}) {
      for (int i = body.indexOf(phrase); i >= 0; i = body.indexOf(phrase, i + 1)) {
        int at = i - 1;
        int end = i + phrase.length();
        if (at < 0 || (body.charAt(at) != 't' && body.charAt(at) != 'T')
            || (at > 0 && Character.isLetterOrDigit(body.charAt(at - 1)))
            || (end < body.length() && Character.isLetterOrDigit(body.charAt(end)))) {
          continue;
        }
        Set<String> companies = new LinkedHashSet<>();
        Ref last = null;
        for (Found f : found) {
          if (f.end > at) {
            break;
          }
          if (f.end >= at - COMPANY_WINDOW && f.ref.isCompany()) {
            companies.add(f.ref.id);
            last = f.ref;
          }
        }
        if (companies.size() == 1 && !overlaps(found, at, end)) {
          added.add(new Found(at, end, last));
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
    for (Found f : found) {
      if (ids.containsKey(f.ref.id)) {
        continue;
      }
      String name = f.ref.name.toLowerCase(Locale.ROOT);
      if (containsWord(lower, name)) {
        ids.put(f.ref.id, f.ref);
      } else if (f.ref.type.equals("PERSON")) {
        String[] tokens = name.split("\\s+");
        if (tokens.length > 1 && containsWord(lower, tokens[tokens.length - 1])) {
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

  private static boolean overlaps(List<Found> found, int start, int end) {
    for (Found f : found) {
      if (f.start < end && start < f.end) {
        return true;
      }
    }
    return false;
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
