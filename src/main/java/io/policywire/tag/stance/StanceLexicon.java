package io.policywire.tag.stance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of the stance analyzer, read from {@code stance/lexicon.txt} on the class path:
 * stance verbs (with particles and inflections), speech verbs, "urge" verbs, stance nouns,
 * reactions and evaluative words. Immutable once loaded.
 */
final class StanceLexicon {

  enum Pol {
    FAVOR, AGAINST, NEUTRAL;

    static Pol of(String s) {
      return switch (s) {
        case "F" -> FAVOR;
        case "A" -> AGAINST;
        case "N" -> NEUTRAL;
        default -> null;
      };
    }

    Pol flip() {
      return this == FAVOR ? AGAINST : this == AGAINST ? FAVOR : NEUTRAL;
    }
  }

  /** A stance verb: the inflected head word, then particles that must follow it. */
  record Verb(String lemma, List<String> particles, Pol pol, Pol negated, boolean weak,
      boolean bad) {}

  /**
   * A stance noun ("ban") and the preposition that introduces its target ("on"); a reaction
   * ("disappointed by") may have a few words between the two. {@code negOnly}: a stance only
   * when negated or refused ("takes no position on X", "would not take sides in"), NEUTRAL.
   */
  record Noun(String noun, String prep, Pol pol, boolean inverse, boolean reaction,
      boolean negOnly) {}

  private final Map<String, List<Verb>> verbsByForm = new HashMap<>();
  private final Map<String, List<List<String>>> speechByForm = new HashMap<>();
  private final Map<String, List<List<String>>> urgeByForm = new HashMap<>();
  private final Map<String, List<Noun>> nouns = new HashMap<>();
  private final Set<String> positive = new HashSet<>();
  private final Set<String> negative = new HashSet<>();
  private final Set<String> framing = new HashSet<>();
  private final Set<String> participles = new HashSet<>();

  /**
   * Everything the lexicon knows of one word, looked up once per token: the analyzer asks a
   * word's verbs, nouns, valence and so on many times, one hash lookup serves them all.
   */
  record Entry(List<Verb> verbs, List<List<String>> speech, List<List<String>> urge,
      List<Noun> nouns, int valence, boolean participle, boolean framing, boolean bareLemma) {}

  static final Entry EMPTY = new Entry(List.of(), List.of(), List.of(), List.of(), 0, false,
      false, false);

  private static final Entry POSITIVE_ONLY = new Entry(List.of(), List.of(), List.of(),
      List.of(), 1, false, false, false);
  private static final Entry NEGATIVE_ONLY = new Entry(List.of(), List.of(), List.of(),
      List.of(), -1, false, false, false);

  private final Map<String, Entry> entries = new HashMap<>();

  private static final StanceLexicon DEFAULT = load("/stance/lexicon.txt");

  static StanceLexicon defaults() {
    return DEFAULT;
  }

  static StanceLexicon load(String resource) {
    StanceLexicon lex = new StanceLexicon();
    try (InputStream in = StanceLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String section = "";
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[")) {
          section = line.substring(1, line.length() - 1);
          continue;
        }
        lex.add(section, line.split("\\s+"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lex.index();
    return lex;
  }

  /** One entry per word the lists name (and plurals of nouns, as {@link #nouns} reads them). */
  private void index() {
    Set<String> words = new HashSet<>();
    words.addAll(verbsByForm.keySet());
    words.addAll(speechByForm.keySet());
    words.addAll(urgeByForm.keySet());
    words.addAll(nouns.keySet());
    words.addAll(positive);
    words.addAll(negative);
    words.addAll(framing);
    words.addAll(participles);
    for (String w : nouns.keySet()) {
      words.add(w + "s");
    }
    for (String w : words) {
      entries.put(w, compute(w));
    }
  }

  private Entry compute(String w) {
    List<Verb> vs = verbs(w);
    boolean participle = isParticiple(w);
    Entry e = new Entry(vs, speech(w), urge(w), nouns(w), valence(w), participle, isFraming(w),
        !participle && vs.stream().anyMatch(v -> v.lemma().equals(w)));
    return e.equals(EMPTY) ? EMPTY : e;
  }

  /** What the lexicon knows of a word (lower case), in one lookup; {@link #EMPTY} if nothing. */
  Entry entry(String word) {
    // every listed word and every plural of a listed noun is indexed: the rest know nothing,
    // but a compound takes the valence of its first word ("best-performing", "ill-conceived")
    Entry e = entries.get(word);
    if (e != null) {
      return e;
    }
    int dash = word.indexOf('-');
    if (dash > 0) {
      Entry first = entries.get(word.substring(0, dash));
      if (first != null && first.valence() != 0) {
        return first.valence() > 0 ? POSITIVE_ONLY : NEGATIVE_ONLY;
      }
    }
    return EMPTY;
  }

  private void add(String section, String[] parts) {
    switch (section) {
      case "verbs" -> addVerb(parts);
      case "speech" -> addPhrase(parts, speechByForm);
      case "urge" -> addPhrase(parts, urgeByForm);
      case "nouns", "reactions" -> {
        for (String prep : parts[1].split(",")) {
          nouns.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Noun(parts[0], prep,
              Pol.of(parts[2]), parts.length > 3 && parts[3].equals("inverse"),
              section.equals("reactions"), parts.length > 3 && parts[3].equals("negonly")));
        }
      }
      case "positive" -> positive.addAll(Arrays.asList(parts));
      case "negative" -> negative.addAll(Arrays.asList(parts));
      case "framing" -> framing.addAll(Arrays.asList(parts));
      default -> throw new IllegalStateException("unknown lexicon section " + section);
    }
  }

  private void addVerb(String[] parts) {
    int p = 0;
    while (Pol.of(parts[p]) == null) {
      p++;
    }
    List<String> words = Arrays.asList(parts).subList(0, p);
    Pol pol = Pol.of(parts[p]);
    Pol negated = Pol.NEUTRAL;
    boolean weak = false;
    boolean bad = false;
    String[] forms = null;
    for (String flag : Arrays.asList(parts).subList(p + 1, parts.length)) {
      if (flag.equals("weak")) {
        weak = true;
      } else if (flag.equals("bad")) {
        bad = true;
      } else if (flag.startsWith("neg=")) {
        negated = Pol.of(flag.substring(4));
      } else if (flag.startsWith("forms=")) {
        forms = flag.substring(6).split(",");
      }
    }
    Verb verb = new Verb(words.get(0), List.copyOf(words.subList(1, words.size())), pol, negated,
        weak, bad);
    for (String form : inflect(words.get(0), forms)) {
      verbsByForm.computeIfAbsent(form, k -> new ArrayList<>()).add(verb);
    }
    participles.add(forms != null ? forms[2] : inflect(words.get(0), null).get(2));
  }

  private void addPhrase(String[] parts, Map<String, List<List<String>>> into) {
    String[] forms = null;
    List<String> words = new ArrayList<>();
    for (String part : parts) {
      if (part.startsWith("forms=")) {
        forms = part.substring(6).split(",");
      } else {
        words.add(part);
      }
    }
    for (String form : inflect(words.get(0), forms)) {
      into.computeIfAbsent(form, k -> new ArrayList<>())
          .add(List.copyOf(words.subList(1, words.size())));
    }
    participles.add(forms != null ? forms[2] : inflect(words.get(0), null).get(2));
  }

  /** lemma, 3sg, past, participle, gerund: regular English morphology unless forms are given. */
  static List<String> inflect(String lemma, String[] forms) {
    if (forms != null) {
      List<String> out = new ArrayList<>(List.of(lemma));
      out.addAll(Arrays.asList(forms));
      return out;
    }
    String third;
    String past;
    String gerund;
    boolean consonantY = lemma.endsWith("y") && lemma.length() > 1
        && "aeiou".indexOf(lemma.charAt(lemma.length() - 2)) < 0;
    if (lemma.matches(".*(s|sh|ch|x|z)")) {
      third = lemma + "es";
    } else if (consonantY) {
      third = lemma.substring(0, lemma.length() - 1) + "ies";
    } else {
      third = lemma + "s";
    }
    if (lemma.endsWith("e")) {
      past = lemma + "d";
      gerund = lemma.endsWith("ee") ? lemma + "ing" : lemma.substring(0, lemma.length() - 1) + "ing";
    } else if (consonantY) {
      past = lemma.substring(0, lemma.length() - 1) + "ied";
      gerund = lemma + "ing";
    } else {
      past = lemma + "ed";
      gerund = lemma + "ing";
    }
    return List.of(lemma, third, past, past, gerund);
  }

  List<Verb> verbs(String form) {
    return verbsByForm.getOrDefault(form, List.of());
  }

  List<List<String>> speech(String form) {
    return speechByForm.getOrDefault(form, List.of());
  }

  List<List<String>> urge(String form) {
    return urgeByForm.getOrDefault(form, List.of());
  }

  /** The nouns of a word, or of its singular ("lawsuits from X" as "lawsuit"). */
  List<Noun> nouns(String word) {
    List<Noun> found = nouns.get(word);
    if (found == null && word.length() > 3 && word.endsWith("s")) {
      found = nouns.get(word.substring(0, word.length() - 1));
    }
    return found == null ? List.of() : found;
  }

  boolean isParticiple(String form) {
    return participles.contains(form);
  }

  int valence(String word) {
    return positive.contains(word) ? 1 : negative.contains(word) ? -1 : 0;
  }

  boolean isFraming(String word) {
    return framing.contains(word);
  }
}
