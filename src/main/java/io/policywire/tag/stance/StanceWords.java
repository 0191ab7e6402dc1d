package io.policywire.tag.stance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The analyzer's word classes (closed sets of function words, verb forms, heads) with one bit
 * per class looked up once per unit, and the phrase matcher for a lexicon entry's particles.
 */
final class StanceWords {

  private StanceWords() {}
  static final String SPEAKER = "\u0000speaker";
  /** Words attributed to someone who is not an entity ("critics say"): nobody's stance. */
  static final String UNKNOWN = "\u0000unknown";

  static final Pattern TOKEN = Pattern.compile(
      "\\p{L}+n['\u2019]t|['\u2019]s\\b|[\\p{L}\\p{N}]+(?:[.\\-&][\\p{L}\\p{N}]+)*|\\S");

  static final Set<String> PREPOSITIONS = Set.of("of", "by", "to", "with", "for", "on",
      "in", "at", "from", "against", "about", "over", "into", "than", "like", "between", "under",
      "toward", "towards", "among", "via", "behind", "within", "without", "through");
  static final Set<String> AUX = Set.copyOf(List.of("has", "have", "had", "will", "would", "can",
      "could", "may", "might", "should", "must", "shall", "did", "does", "do", "is", "are", "was",
      "were", "be", "been", "being", "also", "not", "never", "now", "still", "just", "then",
      "already", "again", "recently", "reportedly", "repeatedly", "publicly", "openly", "first",
      "later", "formally", "quickly", "strongly", "sharply", "even", "once", "further", "all",
      "both", "itself", "themselves", "too", "ever", "no", "longer", "n't", "plans", "plan",
      "planned", "wants", "want", "wanted", "sought", "seeks", "seek", "tried", "tries", "try",
      "vowed", "vows", "promised", "promises", "threatened", "threatens", "moved", "moves",
      "decided", "decides", "voted", "votes", "went", "going", "expected", "expects", "is",
      "to", "would", "continue", "continued", "continues", "ready", "set", "likely", "swiftly"));
  static final Set<String> TEMPORAL = Set.of("on", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "week",
      "month", "year", "last", "this", "earlier");
  static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being",
      "'s", "get", "gets", "got", "gotten", "getting", "become", "became");
  static final Set<String> NEGATORS = Set.of("not", "never", "no", "neither", "nor",
      "without", "cannot", "hardly", "nothing", "none");
  static final Set<String> REFUSALS = Set.of("refuse", "refused", "refuses", "refusing",
      "decline", "declined", "declines", "declining", "fail", "failed", "fails", "failing");
  static final Set<String> NOT_ADVERBS = Set.of("italy", "july", "family", "supply",
      "apply", "assembly", "monopoly", "anomaly", "belly", "bully", "jelly", "reply");
  /** Nouns of a decision to act: "X's decision to block Y", "X's move to ban Y". */
  static final Set<String> EVENTS = Set.of("decision", "move", "plan", "plans",
      "attempt", "bid", "effort", "efforts", "push", "proposal", "vote", "order", "call");
  /** "the court", "the bureau": the recent entity whose name has that word. */
  static final Set<String> NAMED_HEADS = Set.of("court", "bureau", "tribunal",
      "parliament", "council", "board", "authority", "committee", "watchdog");
  static final Set<String> MODALS = Set.of("would", "could", "will", "might", "may",
      "can");
  /** Verbs whose particle "back" is no "back" (support): "push back", "roll back". */
  static final Pattern BACK_PARTICLE = Pattern.compile("(push|roll|pull|scale|pare|"
      + "dial|claw|kick|turn|walk|fall|strike|pay|bring|hold|fight|come|go)(s|es|d|ed|ing)?"
      + "|(cut|hit|set|sit|step)(s|ting|ping|ped)?|held|fought|came|went|brought|sat|fell"
      + "|struck|paid|won|gone|coming|going");
  /** Conjunctions that open a clause with a subject of its own. */
  static final Set<String> SUBORDINATORS = Set.of("after", "because", "since", "when",
      "before", "until", "once", "as", "whenever");
  static final Set<String> CLAUSE_BREAKS = Set.of("but", "however", "while", "whereas",
      "although", "though", "yet", ";", "whilst", "meanwhile");
  static final Set<String> FIRST_PERSON = Set.of("we", "i", "our", "us", "my", "me");
  static final Set<String> SPEAKER_PRONOUNS = Set.of("we", "i", "it", "they", "he",
      "she");
  static final Set<String> COPULA = Set.of("is", "are", "was", "were", "remains",
      "remain", "became", "becomes", "seems", "seem", "been");
  static final Set<String> FUNCTION = Set.of("the", "a", "an", "and", "or", "who",
      "which", "that", "whose", "its", "their", "his", "her", "this", "these", "those");
  static final Set<String> POSSESSIVES = Set.of("its", "their", "his", "her", "our",
      "my", "the");
  /** Past tenses without "-ed", so "Wikipedia lost a challenge" is no "Wikipedia users". */
  static final Set<String> IRREGULAR_PAST = Set.of("lost", "won", "took", "made", "got",
      "gave", "went", "came", "said", "told", "saw", "found", "put", "set", "led", "left",
      "held", "kept", "brought", "began", "ran", "sent", "spent", "sought", "wrote", "struck",
      "drew", "threw", "paid", "sold", "bought", "built", "chose", "fell", "felt", "heard", "met",
      "rose", "stood", "thought", "became", "let", "meant", "shut", "spoke", "withdrew", "quit",
      "hit", "cut", "bid", "forbade", "overrode", "undertook", "knew", "grew", "understood",
      "forgot", "hid", "broke", "swore", "drove", "arose", "taught", "caught", "fought",
      "dealt", "stole", "blew", "froze", "rode", "shook");
  /** Words before which a stance word is a noun: "after pressure from X", "won praise from X". */
  static final Set<String> NOUN_BEFORE = Set.of("after", "amid", "despite", "following",
      "won", "win", "wins", "drew", "draw", "draws", "received", "receive", "receives", "earned",
      "earn", "earns", "faced", "face", "faces", "attracted", "attracts", "sparked", "sparks",
      "triggered", "triggers", "provoked", "prompted", "got", "gets");
  /** Prepositions whose gerund is a verb: "sued X for blocking Y", "by banning Y". */
  static final Set<String> GERUND_PREPOSITIONS = Set.of("for", "by", "in", "of",
      "after", "before", "against", "from", "into");
  static final Set<String> AGAINST_PREPOSITIONS = Set.of("on", "against", "into", "at",
      "toward", "towards");
  static final Set<String> FAVOR_PREPOSITIONS = Set.of("for", "to", "behind", "toward",
      "towards", "on");
  /** "wants X to sell", "ordered X to pay": a demand made of X, against X. */
  static final Set<String> DEMANDS = Set.of("sell", "divest", "pay", "stop", "halt",
      "drop", "remove", "delete", "hand", "turn", "leave", "exit", "shut", "unwind", "break",
      "change", "comply", "open", "share", "disclose", "censor", "take", "pull", "end", "abandon",
      "scrap", "suspend", "withdraw", "apologize", "apologise", "explain", "reverse", "spin",
      "cease", "refund", "surrender", "give", "dismantle", "restructure", "cut");
  static final Set<String> WANTS = Set.of("want", "wants", "wanted", "require",
      "requires", "required", "told", "tells", "tell", "force", "forces", "forced", "compel",
      "compels", "compelled", "recommend", "recommends", "recommended", "demand", "demands",
      "demanded", "insist", "insists", "insisted", "propose", "proposes", "proposed");
  /** "removed X's games from Y": what is removed is the object, not where from. */
  static final Set<String> FROM_IS_PLACE = Set.of("remove", "delist", "expel", "exclude",
      "ban", "bar", "block", "kick", "shut", "drop", "suspend");
  /** Nouns that judge what follows "on"/"of" as their adjective says: "a damning verdict on X". */
  static final Set<String> JUDGEMENTS = Set.of("verdict", "assessment", "review", "critique",
      "report", "judgement", "judgment", "appraisal", "evaluation", "indictment", "portrait");
  static final Set<String> DENIALS = Set.of("deny", "denies", "denied", "denying");
  static final Set<String> OPEN_QUOTES = Set.of("\u201c", "\"");
  static final Set<String> OBJECT_PRONOUNS = Set.of("it", "them", "him", "her", "us",
      "me", "itself", "themselves");
  /** Prepositions that end the search for a verb's object ("partner with it in a bid for X"). */
  static final Set<String> OBJECT_STOPS = Set.of("in", "for", "with", "at",
      "over", "during", "after", "since", "within", "while", "because", "as", "when", "despite");

  /** Definite descriptions that point back at a salient entity of a compatible type. */
  static final Map<String, Set<String>> ANAPHOR_HEADS = Map.ofEntries(
      Map.entry("company", Set.of("ORG")), Map.entry("firm", Set.of("ORG")),
      Map.entry("giant", Set.of("ORG")), Map.entry("startup", Set.of("ORG")),
      Map.entry("platform", Set.of("ORG", "PRODUCT")), Map.entry("app", Set.of("PRODUCT", "ORG")),
      Map.entry("application", Set.of("PRODUCT", "ORG")),
      Map.entry("network", Set.of("ORG", "PRODUCT")), Map.entry("service", Set.of("PRODUCT", "ORG")),
      Map.entry("agency", Set.of("GOV")), Map.entry("ministry", Set.of("GOV")),
      Map.entry("department", Set.of("GOV")), Map.entry("regulator", Set.of("GOV")),
      Map.entry("commission", Set.of("GOV")), Map.entry("administration", Set.of("GOV")),
      Map.entry("president", Set.of("PERSON")), Map.entry("senator", Set.of("PERSON")),
      Map.entry("lawmaker", Set.of("PERSON")), Map.entry("ceo", Set.of("PERSON")),
      Map.entry("outlet", Set.of("MEDIA")), Map.entry("newspaper", Set.of("MEDIA")),
      Map.entry("group", Set.of("NGO", "ORG")), Map.entry("law", Set.of("LAW")),
      Map.entry("bill", Set.of("LAW")), Map.entry("act", Set.of("LAW")),
      Map.entry("legislation", Set.of("LAW")), Map.entry("rules", Set.of("LAW")),
      Map.entry("regulation", Set.of("LAW")), Map.entry("directive", Set.of("LAW")),
      Map.entry("maker", Set.of("ORG")), Map.entry("chipmaker", Set.of("ORG")),
      Map.entry("retailer", Set.of("ORG")), Map.entry("carrier", Set.of("ORG")),
      Map.entry("exchange", Set.of("ORG")), Map.entry("operator", Set.of("ORG")),
      Map.entry("bloc", Set.of("GOV", "GPE")), Map.entry("cryptocurrency", Set.of("PRODUCT")),
      Map.entry("stablecoin", Set.of("PRODUCT")), Map.entry("chatbot", Set.of("PRODUCT")),
      Map.entry("smartphone", Set.of("PRODUCT")));
  static final Set<String> PERSON_PRONOUNS = Set.of("he", "she");
  /** "the UK competition regulator", "Google's lawyers", "lawmakers in Montana": the entity acts. */
  static final Set<String> ROLE_HEADS = Set.of("regulator", "regulators", "watchdog",
      "authority", "authorities", "agency", "ministry", "officials", "official", "government",
      "court", "judge", "lawmakers", "legislators", "senators", "prosecutors", "attorney",
      "commission", "minister", "spokesperson", "spokesman", "spokeswoman", "lawyers",
      "executives", "leaders", "administration", "parliament", "legislature", "chief", "ceo",
      "founder", "head", "director", "executive", "officer", "boss", "chairman", "chair",
      "president", "general", "secretary", "governor", "mayor", "commissioner", "representative",
      "senator", "justice", "premier", "chancellor", "prime", "deputy", "editorial",
      "editorials", "op-ed", "columnist", "editors", "chairwoman", "chairperson", "rapporteur",
      "lobby", "association", "federation");
  /** "called X an overreach", "branded X a threat": what X is called is the stance. */
  static final Set<String> NAMING = Set.of("call", "calls", "called", "calling",
      "label", "labels", "labeled", "labelled", "labeling", "labelling", "brand", "brands",
      "branded", "branding", "describe", "describes", "described", "describing", "dub",
      "dubbed", "dubs");
  /** Acts only a state does: "was banned in Turkey" names who banned; "detained in" does not. */
  static final Set<String> STATE_ACTS = Set.of("ban", "block", "fine", "restrict",
      "suspend", "censor", "sanction", "blacklist", "prohibit", "bar", "throttle", "penalize",
      "penalise", "delist", "shut down");

  /** Words that leave an act undone: "whether to lift its ban on X" is not yet for X. */
  static final Set<String> IRREALIS = Set.of("whether", "if", "may", "might", "could",
      "would", "consider", "considering", "considers", "weigh", "weighing", "plans", "asked",
      "refused", "declined", "not");
  /** Words that undo a ban or sanction: "lifted its ban on X" is for X. */
  static final Set<String> REVERSALS = Set.of("lift", "lifted", "lifts", "lifting",
      "end", "ended", "ends", "ending", "drop", "dropped", "drops", "dropping", "rescind",
      "rescinded", "rescinds", "overturn", "overturned", "overturns", "ease", "eased", "eases",
      "revoke", "revoked", "revokes", "revoking", "scrap", "scrapped", "scraps", "withdraw",
      "withdrew", "withdraws", "reverse", "reversed", "reverses");


  // One bit per word class, looked up once per unit (Unit.flags), not once per rule.
  static final int F_AUX = 1 << 0;
  static final int F_ROLE_HEADS = 1 << 1;
  static final int F_PREPOSITIONS = 1 << 2;
  static final int F_IRREGULAR_PAST = 1 << 3;
  static final int F_CLAUSE_BREAKS = 1 << 4;
  static final int F_POSSESSIVES = 1 << 5;
  static final int F_OBJECT_PRONOUNS = 1 << 6;
  static final int F_NEGATORS = 1 << 7;
  static final int F_FUNCTION = 1 << 8;
  static final int F_REFUSALS = 1 << 9;
  static final int F_COPULA = 1 << 10;
  static final int F_TEMPORAL = 1 << 11;
  static final int F_SUBORDINATORS = 1 << 12;
  static final int F_SPEAKER_PRONOUNS = 1 << 13;
  static final int F_NAMING = 1 << 14;
  static final int F_FIRST_PERSON = 1 << 15;
  static final int F_DENIALS = 1 << 16;
  static final int F_WANTS = 1 << 17;
  static final int F_BE = 1 << 18;
  static final int F_NOUN_BEFORE = 1 << 19;
  static final int F_GERUND_PREPOSITIONS = 1 << 20;
  static final int F_OBJECT_STOPS = 1 << 21;
  static final Map<String, Integer> FLAGS = new HashMap<>();

  static {
    List<Set<String>> classes = List.of(AUX, ROLE_HEADS, PREPOSITIONS, IRREGULAR_PAST, CLAUSE_BREAKS, POSSESSIVES, OBJECT_PRONOUNS, NEGATORS, FUNCTION, REFUSALS, COPULA, TEMPORAL, SUBORDINATORS, SPEAKER_PRONOUNS, NAMING, FIRST_PERSON, DENIALS, WANTS, BE, NOUN_BEFORE, GERUND_PREPOSITIONS, OBJECT_STOPS);
    for (int n = 0; n < classes.size(); n++) {
      for (String w : classes.get(n)) {
        FLAGS.merge(w, 1 << n, (a, b) -> a | b);
      }
    }
  }

  /** Length of the phrase (head + particles) at k, or 0 when the particles do not follow. */
  static int phraseAt(List<Unit> us, int k, List<List<String>> particleLists, Unit head) {
    return phraseAt(us, k, particleLists, head, true);
  }

  static int phraseAt(List<Unit> us, int k, List<List<String>> particleLists, Unit head,
      boolean adverb) {
    if (head.isEntity()) {
      return 0;
    }
    int best = 0;
    for (List<String> particles : particleLists) {
      int end = particlesEnd(us, k + 1, particles, 0);
      if (end < 0 && adverb && !particles.isEmpty() && k + 2 < us.size()
          && isAdverb(us.get(k + 1))
          && !particles.get(0).equals("*") && !particles.get(0).equals("~")) {
        end = particlesEnd(us, k + 2, particles, 0); // "lobbied hard against", "spoke out"
      }
      if (end >= 0) {
        best = Math.max(best, end - k);
      }
    }
    return best;
  }

  /** "hard", "fiercely": an adverb that may come between a verb and its particle. */
  static boolean isAdverb(Unit u) {
    return !u.isEntity() && (u.norm.equals("hard") || u.norm.length() > 4
        && u.norm.endsWith("ly") && !NOT_ADVERBS.contains(u.norm) && u.lx.verbs().isEmpty());
  }

  /**
   * Where the particles from index p match from pos on (exclusive end), or -1. "POSS" is a
   * possessive ("threw its weight behind"); "~" up to six words before the next particle
   * ("pulled its ads from"); "*" the object, named before the particles after it ("took X to
   * court"): the match then ends where the object starts, for the verb's object search.
   */
  static int particlesEnd(List<Unit> us, int pos, List<String> ps, int p) {
    if (p == ps.size()) {
      return pos;
    }
    String w = ps.get(p);
    if (w.equals("*")) {
      boolean named = false;
      for (int m = pos; m < Math.min(us.size(), pos + 8); m++) {
        Unit u = us.get(m);
        if (u.isEntity()) {
          named = true;
          continue;
        }
        if (named && particlesEnd(us, m, ps, p + 1) >= 0) {
          return pos;
        }
        if (u.isPunct() && !u.is(",")) {
          return -1;
        }
      }
      return -1;
    }
    if (w.equals("~")) {
      for (int m = pos; m < Math.min(us.size(), pos + 7); m++) {
        int end = particlesEnd(us, m, ps, p + 1);
        if (end >= 0) {
          return end;
        }
        boolean venue = m > 0 && (us.get(m - 1).is("in") || us.get(m - 1).is("at")
            || us.get(m - 1).is("before") || us.get(m - 1).is("'s"));
        if (us.get(m).isEntity() && !venue || us.get(m).isPunct()) {
          return -1; // "filed a challenge in Australia's High Court against X": a venue
        }
      }
      return -1;
    }
    if (pos >= us.size()) {
      return -1;
    }
    Unit u = us.get(pos);
    boolean ok = w.equals("POSS") ? !u.isEntity() && u.has(F_POSSESSIVES) : u.is(w);
    return ok ? particlesEnd(us, pos + 1, ps, p + 1) : -1;
  }

  static boolean isQuoteMark(Unit u) {
    return !u.isEntity() && (u.norm.equals("\u201c") || u.norm.equals("\u201d")
        || u.norm.equals("\"") || u.norm.equals("\u2018") || u.norm.equals("'"));
  }
}
