package io.policywire.tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;

/**
 * Open-vocabulary names: people, organisations, outlets, public bodies and places the knowledge
 * base does not know. OpenNLP's English part-of-speech model (Universal Dependencies, from
 * Maven Central), over {@link Tokens}, marks proper nouns; runs of them (joined by "of", "and", "for"
 * inside institution names) are candidates, and a candidate is kept only with a cue to its type:
 * <ul>
 *   <li>a head word: "… News", "… Times" (outlet), "… Inc.", "… Capital" (company), "Ministry of
 *       …", "… Commission" (public body), "… Foundation", "… Watch" (NGO), "University of …";</li>
 *   <li>for people: a title or role before ("activist Jennifer Zeng", "CEO …"), a reporting verb
 *       around ("said Steve Stoute", "… told"), an appositive role after (", head of …"), or a
 *       common first name;</li>
 *   <li>for companies: a noun before ("venture firm …") or an appositive after (", a US music
 *       distribution company");</li>
 *   <li>for places: "in", "from" or "based in" before a lone proper noun.</li>
 * </ul>
 * Without a cue a capitalised run is left alone: precision matters more than recall here.
 */
final class NameFinder {

  /** A name found, with offsets into the text and a type; strong when a head word says it. */
  record Name(int start, int end, String name, String type, boolean strongCue) {}

  static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  private static final Pattern SENTENCE = Pattern.compile("[^\\n]+?(?:[.!?]+[\"\u201D\u2019)]?(?=\\s)|$)",
      Pattern.MULTILINE);

  private static final Set<String> CONNECTORS =
      Set.of("of", "for", "and", "&", "on", "de", "da", "do", "dos", "von", "der", "van", "al");
  private static final Set<String> MEDIA_HEAD = Set.of("News", "Times", "Post", "Journal",
      "Herald", "Tribune", "Daily", "Gazette", "Telegraph", "Magazine", "Radio", "TV",
      "Television", "Media", "Chronicle", "Weekly", "Wire", "Observer");
  private static final Set<String> ORG_HEAD = Set.of("Inc", "Inc.", "Corp", "Corp.",
      "Corporation", "Ltd", "Ltd.", "LLC", "Co.", "Company", "Group", "Holdings", "Technologies",
      "Technology", "Capital", "Partners", "Ventures", "Labs", "Systems", "Networks", "Bank",
      "Airlines", "Motors", "Electronics", "Semiconductor", "Semiconductors", "Games", "Studios",
      "Software", "Solutions", "Communications", "Telecom", "Robotics", "Industries",
      "Enterprises", "Investments", "Securities", "AI");
  private static final Set<String> ACADEMIC = Set.of("University", "College", "Academy");
  private static final Set<String> GOV_HEAD = Set.of("Ministry", "Department", "Agency",
      "Commission", "Bureau", "Authority", "Court", "Tribunal", "Parliament", "Senate",
      "Committee", "Office", "Administration", "Directorate", "Inspectorate", "Assembly",
      "Congress", "Regulator", "Secretariat", "Cabinet", "Government", "Police", "Embassy",
      "Party", "Ministries");
  private static final Set<String> NGO_HEAD = Set.of("Foundation", "Institute", "Institution",
      "Watch", "Association", "Alliance", "Coalition", "Center", "Centre", "Council", "Society",
      "Network", "Project", "Initiative", "Federation", "Union", "Trust", "Forum", "Campaign",
      "League", "Movement");
  private static final Set<String> PERSON_BEFORE = Set.of("president", "senator", "sen.", "rep.",
      "representative", "ceo", "cfo", "coo", "cto", "chief", "head", "founder", "co-founder",
      "boss", "chairman", "chairwoman", "chair", "minister", "secretary", "commissioner", "judge",
      "justice", "mr.", "ms.", "mrs.", "dr.", "prof.", "professor", "scholar", "activist",
      "spokesperson", "spokesman", "spokeswoman", "analyst", "researcher", "lawyer", "attorney",
      "executive", "director", "official", "adviser", "advisor", "economist", "ambassador",
      "governor", "mayor", "lawmaker", "congressman", "congresswoman", "investor", "journalist",
      "reporter", "author", "said", "says", "according", "premier", "chancellor", "envoy",
      "leader", "partner", "vice", "deputy", "manager", "engineer", "creator", "influencer",
      "entrepreneur", "billionaire", "whistleblower", "regulator", "colleague", "columnist");
  private static final Set<String> PERSON_AFTER = Set.of("said", "says", "told", "added",
      "wrote", "tweeted", "argued", "noted", "explained", "stated", "posted", "insisted", "warned");
  private static final Set<String> ROLE_AFTER = Set.of("ceo", "head", "chief", "founder",
      "co-founder", "secretary", "minister", "president", "director", "chairman", "chair",
      "professor", "spokesperson", "spokesman", "spokeswoman", "senator", "commissioner",
      "executive", "analyst", "researcher", "partner", "official", "author", "lawyer", "who");
  private static final Set<String> ORG_BEFORE = Set.of("company", "firm", "startup", "start-up",
      "maker", "giant", "platform", "app", "operator", "provider", "retailer", "lab", "fund",
      "chipmaker", "conglomerate", "developer", "brand", "service", "investor", "rival");
  private static final Set<String> MEDIA_BEFORE = Set.of("newspaper", "outlet", "broadcaster",
      "magazine", "publication", "tabloid", "daily");
  private static final Set<String> ORG_AFTER = Set.of("company", "firm", "startup", "start-up",
      "maker", "platform", "app", "provider", "retailer", "conglomerate", "group", "giant");
  private static final Set<String> ARTICLES = Set.of("a", "an", "the");
  /** Head and academic words without a final period: the letters that start such a token. */
  private static final Set<String> HEAD_LETTERS = headLetters();
  private static final Set<String> PLACE_BEFORE = Set.of("in", "from", "near", "across");
  private static final Set<String> NOT_NAMES = Set.of("January", "February", "March", "April",
      "May", "June", "July", "August", "September", "October", "November", "December", "Monday",
      "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Sept.", "Sept", "Jan.",
      "Feb.", "Aug.", "Oct.", "Nov.", "Dec.", "I", "A", "The", "This", "That", "It", "He", "She",
      "We", "They", "You", "Internet", "Web", "AI", "CEO", "Mr.", "Ms.", "Dr.", "Inc.", "Co.",
      "Christmas", "Easter", "Covid", "COVID-19", "God", "Street");
  private static final Set<String> GIVEN_NAMES = Set.copyOf(List.of("James", "John", "Robert", "Michael",
      "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher", "Daniel",
      "Matthew", "Anthony", "Mark", "Donald", "Steven", "Steve", "Paul", "Andrew", "Joshua",
      "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey",
      "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin",
      "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander", "Frank", "Patrick",
      "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Jose", "Adam", "Nathan", "Henry",
      "Peter", "Zachary", "Kyle", "Noah", "Ethan", "Jeremy", "Walter", "Christian", "Keith",
      "Roger", "Terry", "Sean", "Austin", "Carl", "Arthur", "Lawrence", "Dylan", "Jesse", "Jordan",
      "Bryan", "Billy", "Joe", "Bruce", "Gabriel", "Logan", "Albert", "Willie", "Alan", "Juan",
      "Wayne", "Elijah", "Randy", "Roy", "Vincent", "Ralph", "Eugene", "Russell", "Bobby",
      "Mason", "Philip", "Louis", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth",
      "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Lisa", "Nancy", "Betty", "Margaret",
      "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Carol", "Amanda", "Dorothy",
      "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen",
      "Amy", "Angela", "Shirley", "Anna", "Brenda", "Pamela", "Emma", "Nicole", "Helen",
      "Samantha", "Katherine", "Christine", "Debra", "Rachel", "Carolyn", "Janet", "Catherine",
      "Maria", "Heather", "Diane", "Ruth", "Julie", "Olivia", "Joyce", "Victoria",
      "Kelly", "Lauren", "Christina", "Joan", "Evelyn", "Judith", "Megan", "Andrea", "Cheryl",
      "Hannah", "Jacqueline", "Martha", "Gloria", "Teresa", "Ann", "Sara", "Madison", "Frances",
      "Kathryn", "Janice", "Jean", "Abigail", "Alice", "Julia", "Judy", "Sophia", "Grace",
      "Denise", "Amber", "Doris", "Marilyn", "Danielle", "Beverly", "Isabella", "Theresa",
      "Diana", "Natalie", "Brittany", "Charlotte", "Marie", "Kayla", "Alexis", "Lori", "Vanessa",
      "Stewart", "Noah", "Marc", "Alex", "Tim", "Tom", "Bill", "Jeff", "Mike", "Dan", "Ben",
      "Sam", "Nick", "Chris", "Matt", "Greg", "Jim", "Bob", "Ted", "Rob", "Ron", "Tony", "Josh"));

  /**
   * Universal Dependencies' pronouns and determiners, closed classes: the only capitalised words
   * inside a sentence whose part of speech {@link #proper} needs (see {@link #tagWindows}).
   */
  private static final Set<String> PRONOUNS_AND_DETERMINERS = Set.of("i", "you", "he", "she",
      "it", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "its", "our",
      "their", "mine", "yours", "hers", "ours", "theirs", "myself", "yourself", "himself",
      "herself", "itself", "ourselves", "yourselves", "themselves", "this", "that", "these",
      "those", "who", "whom", "whose", "which", "what", "whoever", "whatever", "whichever",
      "anyone", "anybody", "anything", "everyone", "everybody", "everything", "someone",
      "somebody", "something", "nobody", "nothing", "none", "one", "each", "all", "both",
      "either", "neither", "few", "many", "several", "some", "any", "much", "more", "most",
      "other", "another", "such", "the", "a", "an", "no", "every", "half", "there");

  private static final int MAX_TAGGED = 80;
  private static volatile POSModel shared;
  private static volatile POSModel sharedGreedy;

  private final POSModel pos;
  private final POSModel greedy;
  private final ThreadLocal<POSTaggerME> tagger;
  private final ThreadLocal<GreedyDecoder> decoder;
  private final ThreadLocal<POSTaggerME> reference;

  private NameFinder(POSModel pos, POSModel greedy) {
    this.pos = pos;
    this.greedy = greedy;
    this.tagger = ThreadLocal.withInitial(() -> new POSTaggerME(this.greedy));
    this.decoder = ThreadLocal.withInitial(() -> new GreedyDecoder(this.pos));
    this.reference = ThreadLocal.withInitial(() -> new POSTaggerME(this.pos));
  }

  /** The finder with OpenNLP's English part-of-speech model from the classpath (loaded once). */
  static NameFinder load() {
    POSModel model = shared;
    POSModel greedy = sharedGreedy;
    if (model == null || greedy == null) {
      synchronized (NameFinder.class) {
        model = shared;
        greedy = sharedGreedy;
        if (model == null || greedy == null) {
          try (InputStream p = resource(POS_MODEL)) {
            model = new POSModel(p);
            greedy = greedy(model);
            shared = model;
            sharedGreedy = greedy;
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP English model", e);
          }
        }
      }
    }
    return new NameFinder(model, greedy);
  }

  /**
   * The shipped model decoded with a beam of one (greedy) instead of the three its manifest
   * asks for: the beam evaluated the model three times per token and sorted every distribution,
   * and on every sentence of the test texts and corpus seeds the tags are the same
   * ({@code EntityNameWindowTest}).
   */
  static POSModel greedy(POSModel model) {
    MaxentModel maxent = model.getArtifact("pos.model");
    return new POSModel(model.getLanguage(), maxent, 1, Map.of(), model.getFactory());
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = NameFinder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("model " + name + " is not on the classpath (opennlp-models-pos-en)");
    }
    return in;
  }

  /** A generated id for a name the knowledge base does not know: type prefix plus slug. */
  static String idFor(String type, String name) {
    String ascii = asciiSlug(name);
    if (ascii != null) {
      return type.toLowerCase(Locale.ROOT) + ":" + (ascii.isEmpty() ? "x" : ascii);
    }
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    return type.toLowerCase(Locale.ROOT) + ":" + (slug.isEmpty() ? "x" : slug);
  }

  /**
   * The slug {@link #idFor} makes, for a name of ASCII characters only (null otherwise), without
   * its normalizer and regexes: it runs for every name found.
   */
  static String asciiSlug(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean dash = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 128) {
        return null;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && out.length() > 0) {
          out.append('-');
        }
        dash = false;
        out.append(c);
      } else {
        dash = true;
      }
    }
    return out.toString();
  }

  List<Name> find(String text) {
    return find(text, new BitSet());
  }

  /**
   * The names in {@code text}. Sentences whose capitalised words (after the first) all lie in
   * {@code covered} (spans already tagged) are not tagged for parts of speech at all: they can
   * hold no new name, and tagging is the expensive step.
   */
  List<Name> find(String text, BitSet covered) {
    List<Name> out = new ArrayList<>();
    char[] chars = text.toCharArray();
    int n = chars.length;
    int start = 0;
    while (start < n) {
      if (chars[start] == '\n') {
        start++;
        continue;
      }
      int end = sentenceEnd(chars, start);
      if (end < 0) {
        start++;
        continue;
      }
      if (mayHoldName(chars, start, end, covered) && maySeed(chars, start, end, covered)) {
        sentence(text, start, text.substring(start, end), covered, out);
      }
      start = end;
    }
    return out;
  }

  /**
   * Where the sentence starting at {@code start} (not a line feed) ends, as {@link #SENTENCE}
   * finds it without a regex: after a run of {@code .!?} (and a closing quote or parenthesis)
   * followed by whitespace, else before the line's end; -1 where the regex finds none.
   */
  static int sentenceEnd(String text, int start) {
    return sentenceEnd(text.toCharArray(), start);
  }

  /** As {@link #sentenceEnd(String, int)} over the text's chars (copied once per text). */
  static int sentenceEnd(char[] text, int start) {
    int n = text.length;
    for (int k = start + 1; k <= n; k++) {
      if (k == n) {
        return n;
      }
      char c = text[k];
      if (c == '.' || c == '!' || c == '?') {
        int e = k + 1;
        while (e < n && (text[e] == '.' || text[e] == '!' || text[e] == '?')) {
          e++;
        }
        if (e < n && closing(text[e]) && e + 1 < n && regexSpace(text[e + 1])) {
          return e + 1;
        }
        if (e < n && regexSpace(text[e])) {
          return e;
        }
      }
      if (c == '\n') {
        // the line's end, except inside "\r\n" (only when the sentence began with the \r)
        return text[k - 1] == '\r' ? -1 : k;
      }
      if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return k;
      }
    }
    return n;
  }

  private static boolean closing(char c) {
    return c == '"' || c == '\u201D' || c == '\u2019' || c == ')';
  }

  /** {@code \\s} of {@link Pattern}: ASCII whitespace only. */
  static boolean regexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static boolean mayHoldName(char[] text, int from, int to, BitSet covered) {
    boolean firstWord = true;
    for (int i = from; i < to; i++) {
      char c = text[i];
      boolean wordStart = i == from || !FoldedText.isWordChar(text[i - 1]);
      if (!wordStart || !Character.isLetter(c)) {
        continue;
      }
      if (FoldedText.isUpper(c) && !covered.get(i) && !firstWord) {
        return true;
      }
      firstWord = false;
    }
    return false;
  }

  /**
   * Whether the sentence {@code text[from, to)} may hold a token that makes a cluster a candidate
   * in {@link #tagWindows} (capitalised, and uncovered or a head word), checked on its chars
   * before it is tokenized: false only when every capitalised word start provably starts none,
   * because it is covered and its letters are no head word, or because it is uncovered and its
   * token is exactly its letters (only punctuation the tokenizer peels follows them) and one of
   * {@link #NOT_NAMES}. A sentence without a candidate holds no name the tagger keeps, and most
   * of the finder's time went into tokenizing sentences that had none.
   */
  static boolean maySeed(char[] text, int from, int to, BitSet covered) {
    for (int p = from; p < to; p++) {
      if (!FoldedText.isUpper(text[p]) || (p > from && FoldedText.isWordChar(text[p - 1]))) {
        continue;
      }
      int end = p;
      while (end < to && Character.isLetter(text[end])) {
        end++;
      }
      String letters = new String(text, p, end - p);
      if (covered.get(p)) {
        if (HEAD_LETTERS.contains(letters)) {
          return true;
        }
      } else if (!(NOT_NAMES.contains(letters) && onlyPeeledAfter(text, end, to))
          && !(endsLoneCluster(text, end, to) && !joinsOrCues(text, from, p))) {
        return true;
      }
      p = end - 1;
    }
    return false;
  }

  /**
   * Whether a capitalised word ending at {@code end} provably ends a cluster of one token that
   * no word after it cues (see the lone-word rule of {@link #tagWindows}): closing marks the
   * tokenizer peels follow it (no comma, which may open ", a … company"), or a space and a lower
   * case word that is no connector, or the sentence's end. After a period the word may keep it
   * ("J."), so then what follows the space decides.
   */
  private static boolean endsLoneCluster(char[] text, int end, int to) {
    int k = end;
    boolean period = false;
    while (k < to && closingMark(text[k])) {
      period |= text[k] == '.';
      k++;
    }
    if (k == to) {
      return true;
    }
    if (!Character.isWhitespace(text[k])) {
      return false;
    }
    if (k > end && !period) {
      return true;
    }
    while (k < to && Character.isWhitespace(text[k])) {
      k++;
    }
    if (k == to) {
      return true;
    }
    if (!Character.isLowerCase(text[k])) {
      return false;
    }
    int wordEnd = k;
    while (wordEnd < to && Character.isLetter(text[wordEnd])) {
      wordEnd++;
    }
    return !CONNECTORS.contains(new String(text, k, wordEnd - k));
  }

  private static boolean closingMark(char c) {
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ')' || c == ']'
        || c == '"' || c == '\u201D';
  }

  /**
   * Whether the token before the one starting at {@code p} may join it in a cluster (a
   * capitalised token or a connector) or cue a lone name ("firm", "newspaper", "in"). False only
   * when {@code p} starts the sentence or follows opening punctuation, or a space precedes it and
   * the chunk before ends in punctuation the tokenizer peels (its last token is that mark), or in
   * a lower case word (or possessive) that is no connector and none of those cues.
   */
  private static boolean joinsOrCues(char[] text, int from, int p) {
    if (p == from || !Character.isWhitespace(text[p - 1])) {
      return false;
    }
    int end = p - 1;
    while (end > from && Character.isWhitespace(text[end - 1])) {
      end--;
    }
    if (end == from) {
      return false;
    }
    char last = text[end - 1];
    if (!Character.isLetter(last)) {
      return last == '.' || !Tokens.isPunct(last) || last == '\'' || last == '\u2019';
    }
    int start = end;
    while (start > from && !Character.isWhitespace(text[start - 1])) {
      start--;
    }
    while (start < end && Tokens.isPunct(text[start])) {
      start++;
    }
    String word = new String(text, start, end - start).replace('\u2019', '\'');
    if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("'S"))) {
      return false;
    }
    if (word.isEmpty() || !Character.isLowerCase(word.charAt(0))) {
      return true;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    return CONNECTORS.contains(word) || ORG_BEFORE.contains(lower)
        || MEDIA_BEFORE.contains(lower) || PLACE_BEFORE.contains(lower);
  }

  /** Whether only punctuation the tokenizer peels off a word's end follows up to a space. */
  private static boolean onlyPeeledAfter(char[] text, int from, int to) {
    for (int k = from; k < to && !Character.isWhitespace(text[k]); k++) {
      if (!Tokens.isPunct(text[k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * As {@link #find(String, BitSet)} but tagging whole sentences rather than windows, with the
   * model's own beam search: the reference the windowed, greedy path is checked against (tests
   * only).
   */
  List<Name> findTaggingWholeSentences(String text, BitSet covered) {
    List<Name> out = new ArrayList<>();
    Matcher m = SENTENCE.matcher(text);
    char[] chars = text.toCharArray();
    while (m.find()) {
      if (m.end() > m.start() && mayHoldName(chars, m.start(), m.end(), covered)) {
        sentence(text, m.start(), m.group(), null, out);
      }
    }
    return out;
  }

  /**
   * Tokens before a candidate cluster that are tagged with it. The model's features look two
   * words each way and at the tags before; on every test text three give the names of
   * whole-sentence tagging ({@code EntityNameWindowTest}), two do not, so five for margin.
   */
  static final int WINDOW = 5;

  /**
   * Where the piece the model sees ends, past the last token whose tag is read: its features look
   * two words ahead, so with greedy decoding the tags read are those it gives tagging on to the
   * sentence's end.
   */
  static final int LOOKAHEAD = 3;

  /** Whether {@link #tagWindows} finds a candidate cluster in {@code text[from, to)} (tests). */
  boolean hasCandidate(String text, int from, int to, BitSet covered) {
    String s = text.substring(from, to).replace('\u2019', '\'');
    Span[] spans = Tokens.tokenize(s);
    return spans.length > 0 && tagWindows(words(s, spans), spans, from, covered) != null;
  }

  private static String[] words(String s, Span[] spans) {
    String[] words = new String[spans.length];
    for (int i = 0; i < spans.length; i++) {
      words[i] = s.substring(spans[i].getStart(), spans[i].getEnd());
    }
    return words;
  }

  private void sentence(String text, int offset, String original, BitSet covered,
      List<Name> out) {
    String s = original.replace('\u2019', '\'');
    Span[] spans = Tokens.tokenize(s);
    if (spans.length == 0) {
      return;
    }
    String[] words = words(s, spans);
    String[] tags = covered == null ? tag(reference.get(), words)
        : tagWindows(words, spans, offset, covered);
    if (tags == null) {
      return;
    }
    int i = 0;
    while (i < words.length) {
      if (!proper(words, tags, i)) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < words.length && !possessive(words[j - 1])) {
        if (proper(words, tags, j)) {
          j++;
        } else if (CONNECTORS.contains(words[j]) && j + 1 < words.length
            && proper(words, tags, j + 1)) {
          j += 2;
        } else {
          break;
        }
      }
      for (int[] run : pieces(words, i, j)) {
        int from = run[0];
        if (from == i && i > 0 && sentenceStart(words, i - 1) && isHead(words[run[1] - 1])
            && Character.isUpperCase(words[i - 1].charAt(0)) && !NOT_NAMES.contains(words[i - 1])
            && !possessive(words[i - 1])) {
          // a capitalised first word of the sentence that the tagger did not call PROPN
          // ("Lumenfold Labs, a startup"): the head word vouches for the whole name
          from = i - 1;
        }
        Name n = classify(text, offset, spans, words, tags, from, run[1]);
        if (n != null) {
          out.add(n);
        }
      }
      i = j;
    }
  }

  /**
   * Parts of speech only where a new name can come from: around each cluster of capitalised
   * tokens (joined as runs are, directly or by one connector) that holds a token no dictionary
   * hit covers, or a head word (a strong cue may take in a covered place). Elsewhere the tag is
   * left empty: a run of covered tokens alone overlaps a dictionary hit and is dropped by the
   * tagger whatever its tags, and a lone capitalised word without the cue {@link #classify}
   * needs for it is no name whatever its tag; nor are clusters tagged whose names the tags
   * cannot change ({@link #lastTagRead}). Whole-sentence tagging costs many times more (on the
   * seeds whole sentences held 1,346 tokens). Null when the sentence has no candidate cluster:
   * it holds no name the tagger would keep.
   */
  private String[] tagWindows(String[] words, Span[] spans, int offset, BitSet covered) {
    int n = words.length;
    String[] tags = new String[n];
    java.util.Arrays.fill(tags, "");
    int windowFrom = -1;
    int windowLast = -1;
    boolean any = false;
    int i = 0;
    while (i < n) {
      if (!capital(words[i])) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n) {
        if (capital(words[j])) {
          j++;
        } else if (j + 1 < n && CONNECTORS.contains(words[j]) && capital(words[j + 1])) {
          j += 2;
        } else {
          break;
        }
      }
      boolean candidate = false;
      for (int k = i; k < j && !candidate; k++) {
        String w = words[k];
        candidate = capital(w)
            && (!covered.get(offset + spans[k].getStart()) || isHead(w) || ACADEMIC.contains(w));
      }
      if (candidate && j == i + 1) {
        // a lone capitalised word is a name only with the cue of the word before or of an
        // appositive after (see classify): "He", "But", "Chinese companies" need no tags
        String before = lower(words, i - 1);
        candidate = ORG_BEFORE.contains(before) || MEDIA_BEFORE.contains(before)
            || PLACE_BEFORE.contains(before)
            || (j < n && words[j].equals(",") && orgFollows(words, j + 1));
      }
      any |= candidate;
      int last = candidate ? lastTagRead(words, i, j) : -1;
      if (last >= 0) {
        int from = Math.max(0, i - WINDOW);
        if (windowLast >= 0 && from <= windowLast + LOOKAHEAD) {
          windowLast = Math.max(windowLast, last);
        } else {
          if (windowLast >= 0) {
            tagInto(words, windowFrom, windowLast, tags);
          }
          windowFrom = from;
          windowLast = last;
        }
      }
      i = j;
    }
    if (windowLast >= 0) {
      tagInto(words, windowFrom, windowLast, tags);
    }
    return any ? tags : null;
  }

  /**
   * The last token whose tag can change the names of the candidate cluster {@code words[from,
   * to)}, or -1. Inside a sentence {@link #proper} takes any capitalised word but a pronoun or
   * determiner, a closed class; at a sentence's start only a PROPN tag will do; and a place after
   * "in" or "from" is no place when a noun follows it ({@link #classify}). Elsewhere the tags
   * decide nothing.
   */
  private static int lastTagRead(String[] words, int from, int to) {
    if (PLACE_BEFORE.contains(lower(words, from - 1))) {
      return Math.min(to, words.length - 1);
    }
    int last = -1;
    for (int k = from; k < to; k++) {
      if (sentenceStart(words, k) || closedClass(words[k])) {
        last = k;
      }
    }
    return last;
  }

  private static Set<String> headLetters() {
    Set<String> out = new java.util.HashSet<>();
    for (Set<String> heads : List.of(MEDIA_HEAD, ORG_HEAD, GOV_HEAD, NGO_HEAD, ACADEMIC)) {
      for (String h : heads) {
        out.add(h.endsWith(".") ? h.substring(0, h.length() - 1) : h);
      }
    }
    return Set.copyOf(out);
  }

  static boolean closedClass(String word) {
    return PRONOUNS_AND_DETERMINERS.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Capitalised and not a word {@link #proper} rejects whatever its tag. */
  private static boolean capital(String w) {
    return FoldedText.isUpper(w.charAt(0)) && !NOT_NAMES.contains(w);
  }

  /**
   * The tags of {@code words[from, last]}, the model seeing {@code words[from, last +}
   * {@value #LOOKAHEAD}{@code )} as its sentence: with greedy decoding the tags a window cut
   * there would give, without tagging the words after {@code last}, only seen.
   */
  private void tagInto(String[] words, int from, int last, String[] tags) {
    int to = Math.min(words.length, last + LOOKAHEAD);
    String[] piece = from == 0 && to == words.length ? words
        : java.util.Arrays.copyOfRange(words, from, to);
    if (piece.length > MAX_TAGGED) {
      System.arraycopy(tag(tagger.get(), piece), 0, tags, from, last - from + 1);
    } else {
      decoder.get().tag(piece, last - from + 1, tags, from);
    }
  }

  /**
   * Greedy decoding of a piece's first tokens, as OpenNLP's {@code BeamSearch} with a beam of one
   * decodes (the best valid outcome at each step), but stopping after the tokens whose tags are
   * read: {@code POSTaggerME} tags every token it is given, the lookahead too. The model, its
   * features and its validator are OpenNLP's; {@code EntityNameWindowTest} checks the tags
   * against {@code POSTaggerME}'s on every test sentence. One per thread.
   */
  static final class GreedyDecoder {
    private final MaxentModel model;
    private final POSContextGenerator context;
    private final SequenceValidator<String> validator;
    private final double[] probs;

    GreedyDecoder(POSModel pos) {
      this.model = pos.getArtifact("pos.model");
      this.context = pos.getFactory().getPOSContextGenerator(1);
      this.validator = pos.getFactory().getSequenceValidator();
      this.probs = new double[model.getNumOutcomes()];
    }

    /** The tags of {@code piece[0, count)}, written to {@code out} from {@code at}. */
    void tag(String[] piece, int count, String[] out, int at) {
      String[] done = new String[count];
      for (int k = 0; k < count; k++) {
        String[] prior = java.util.Arrays.copyOf(done, k);
        double[] p = model.eval(context.getContext(k, piece, prior, null), probs);
        int best = -1;
        for (int o = 0; o < p.length; o++) {
          if ((best < 0 || p[o] > p[best])
              && validator.validSequence(k, piece, prior, model.getOutcome(o))) {
            best = o;
          }
        }
        if (best < 0) {
          throw new IllegalStateException("no valid part of speech for " + piece[k]);
        }
        done[k] = model.getOutcome(best);
      }
      System.arraycopy(done, 0, out, at, count);
    }
  }

  /**
   * Parts of speech, in pieces of at most {@value #MAX_TAGGED} tokens cut after a comma or
   * semicolon where there is one: OpenNLP's beam search copies its sequence at every step, which
   * is quadratic in the length of a "sentence" that never ends (a page with no full stops).
   */
  private static String[] tag(POSTaggerME tagger, String[] words) {
    if (words.length <= MAX_TAGGED) {
      return tagger.tag(words);
    }
    String[] tags = new String[words.length];
    int from = 0;
    while (from < words.length) {
      int to = Math.min(words.length, from + MAX_TAGGED);
      if (to < words.length) {
        for (int k = to - 1; k > from + MAX_TAGGED / 2; k--) {
          if (words[k].equals(",") || words[k].equals(";")) {
            to = k + 1;
            break;
          }
        }
      }
      String[] piece = java.util.Arrays.copyOfRange(words, from, to);
      System.arraycopy(tagger.tag(piece), 0, tags, from, piece.length);
      from = to;
    }
    return tags;
  }

  /**
   * A proper noun: capitalised, and either tagged PROPN or inside a sentence (the tagger often
   * calls capitalised words of unknown names ADJ or NOUN; at a sentence's start, capitals prove
   * nothing, so there the tag must say PROPN).
   */
  private static boolean proper(String[] words, String[] tags, int i) {
    String w = words[i];
    if (!Character.isUpperCase(w.charAt(0)) || NOT_NAMES.contains(w)) {
      return false;
    }
    boolean propn = tags[i].equals("PROPN") || tags[i].equals("NNP") || tags[i].equals("NNPS");
    return propn || (i > 0 && !sentenceStart(words, i) && !tags[i].equals("PRON")
        && !tags[i].equals("DET"));
  }

  static boolean sentenceStart(String[] words, int i) {
    for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
      String w = words[k];
      if (w.equals("\"") || w.equals("(") || w.equals("'") || w.equals("\u201C")) {
        continue;
      }
      return w.equals(".") || w.equals(":") || w.equals("!") || w.equals("?")
          || w.equals("\u2022");
    }
    return i <= 3;
  }

  /** Splits a run at its connectors unless a head word makes it one institution's name. */
  private static List<int[]> pieces(String[] words, int from, int to) {
    int start = from;
    while (start < to && (words[start].equals("The") || NOT_NAMES.contains(words[start]))) {
      start++;
    }
    boolean institution = false;
    for (int k = start; k < to; k++) {
      String w = words[k];
      if (GOV_HEAD.contains(w) || NGO_HEAD.contains(w) || ACADEMIC.contains(w)
          || ORG_HEAD.contains(w) || MEDIA_HEAD.contains(w)) {
        institution = true;
      }
    }
    List<int[]> out = new ArrayList<>();
    if (institution) {
      if (start < to) {
        out.add(new int[] {start, to});
      }
      return out;
    }
    int p = start;
    for (int k = start; k <= to; k++) {
      if (k == to || CONNECTORS.contains(words[k])) {
        if (k > p) {
          out.add(new int[] {p, k});
        }
        p = k + 1;
      }
    }
    return out;
  }

  private static boolean isHead(String word) {
    return MEDIA_HEAD.contains(word) || ORG_HEAD.contains(word) || GOV_HEAD.contains(word)
        || NGO_HEAD.contains(word);
  }

  private static boolean possessive(String word) {
    return word.length() > 2 && (word.endsWith("'s") || word.endsWith("s'"));
  }

  private static Name classify(String text, int offset, Span[] spans, String[] words,
      String[] tags, int from, int to) {
    String first = words[from];
    String last = words[to - 1];
    String type = null;
    boolean strong = true;
    if (MEDIA_HEAD.contains(last) && to - from > 1) {
      type = "MEDIA";
    } else if (ORG_HEAD.contains(last) && to - from > 1) {
      type = "ORG";
    } else if (anyOf(words, from, to, GOV_HEAD) && to - from > 1) {
      type = "GOV";
    } else if (anyOf(words, from, to, NGO_HEAD) && to - from > 1) {
      type = "NGO";
    } else if (ACADEMIC.contains(first) && to - from > 2) {
      type = "ORG";
    } else {
      strong = false;
      String before = lower(words, from - 1);
      String before2 = lower(words, from - 2);
      String after = lower(words, to);
      if (personShaped(words, from, to)
          && (PERSON_BEFORE.contains(before) || PERSON_BEFORE.contains(before2)
              || PERSON_AFTER.contains(after)
              || (after.equals(",") && roleFollows(words, to + 1))
              || (GIVEN_NAMES.contains(first) && to - from <= 3))) {
        type = "PERSON";
      } else if (ORG_BEFORE.contains(before)) {
        type = "ORG";
      } else if (MEDIA_BEFORE.contains(before)) {
        type = "MEDIA";
      } else if (after.equals(",") && orgFollows(words, to + 1)) {
        type = "ORG";
      } else if (to - from <= 2 && PLACE_BEFORE.contains(before)
          && !lower(words, to).equals("'s") && !proper2(words, to)
          && !(to < words.length && tags[to].equals("NOUN"))) {
        type = "GPE";
      }
    }
    if (type == null) {
      return null;
    }
    int start = offset + spans[from].getStart();
    int end = offset + spans[to - 1].getEnd() - (possessive(words[to - 1]) ? 2 : 0);
    String name = collapseSpaces(text, start, end);
    return new Name(start, end, name, type, strong);
  }

  /** {@code text.substring(start, end).replaceAll("\\s+", " ")} without the regex. */
  static String collapseSpaces(String text, int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!regexSpace(c)) {
        out.append(c);
      } else if (i == start || !regexSpace(text.charAt(i - 1))) {
        out.append(' ');
      }
    }
    return out.toString();
  }

  private static boolean proper2(String[] words, int i) {
    return i < words.length && Character.isUpperCase(words[i].charAt(0));
  }

  private static boolean personShaped(String[] words, int from, int to) {
    if (to - from < 2 || to - from > 4) {
      return false;
    }
    for (int k = from; k < to; k++) {
      String w = words[k];
      if (!nameShaped(w) || w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /** The regex {@code \p{Lu}[\p{L}'\u2019.-]*}, without one (it ran for every candidate). */
  static boolean nameShaped(String w) {
    if (w.isEmpty() || Character.getType(w.codePointAt(0)) != Character.UPPERCASE_LETTER) {
      return false;
    }
    for (int k = Character.charCount(w.codePointAt(0)); k < w.length(); ) {
      int c = w.codePointAt(k);
      if (!Character.isLetter(c) && c != '\'' && c != '\u2019' && c != '.' && c != '-') {
        return false;
      }
      k += Character.charCount(c);
    }
    return true;
  }

  private static boolean roleFollows(String[] words, int from) {
    for (int k = from; k < Math.min(words.length, from + 3); k++) {
      if (ROLE_AFTER.contains(words[k].toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean orgFollows(String[] words, int from) {
    if (from >= words.length || !ARTICLES.contains(words[from].toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (int k = from + 1; k < Math.min(words.length, from + 8); k++) {
      String w = words[k].toLowerCase(Locale.ROOT);
      if (ORG_AFTER.contains(w)) {
        return true;
      }
      if (w.equals(",") || w.equals(".")) {
        return false;
      }
    }
    return false;
  }

  private static boolean anyOf(String[] words, int from, int to, Set<String> heads) {
    for (int k = from; k < to; k++) {
      if (heads.contains(words[k])) {
        return true;
      }
    }
    return false;
  }

  private static String lower(String[] words, int i) {
    return i >= 0 && i < words.length ? words[i].toLowerCase(Locale.ROOT) : "";
  }

}
