package io.policywire.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * OpenNLP's language detection ({@link LanguageDetectorME#predictLanguages}) with the same model
 * and the same features, computed without its per-call costs: OpenNLP runs eleven regular
 * expressions over the text, keys every 1-, 2- and 3-gram as a {@code CharBuffer} in two hash
 * maps and looks each up again as a new {@code String}, which was 80 % of normalize. Here the
 * text goes through the same normalisation (the frequent rules written out, the rare ones run
 * as OpenNLP's own expressions only when a quick scan finds what they need), and each distinct
 * n-gram, packed into a {@code long}, is looked up once in a table built from the model.
 *
 * <p>{@link #scores} are OpenNLP's: the same terms added in another order (OpenNLP's follows its
 * hash map), so a confidence may differ in the last bits of a double; {@link #of} checks the two
 * agree on a sample and otherwise returns null (use OpenNLP). {@link #guess} gives the decision
 * {@link LanguageGuess} takes on them, mostly from 16-bit copies of the weights, which are a
 * quarter of the memory to read (the cost now), with a bound on their error that says when the
 * exact weights are needed. Instances are immutable; {@link Scratch} holds the per-thread
 * working arrays.
 */
final class LanguageScorer {

  // OpenNLP 2.5's normalisers (opennlp.tools.util.normalizer), for the rare cases
  private static final Pattern EMOJI = Pattern.compile("[\\uD83C-\\uDBFF\\uDC00-\\uDFFF]+");
  private static final Pattern URL = Pattern.compile("https?://[-_.?&~;+=/#0-9A-Za-z]+");
  private static final Pattern MAIL =
      Pattern.compile("(?<![-+_.0-9A-Za-z])[-+_.0-9A-Za-z]+@[-0-9A-Za-z]+[-.0-9A-Za-z]+");
  private static final Pattern HASH_USER = Pattern.compile("[#@]\\S+");
  private static final Pattern RT = Pattern.compile("\\b(rt[ :])+", Pattern.CASE_INSENSITIVE);
  private static final Pattern LAUGH =
      Pattern.compile("([hj])+([aieou])+(\\1+\\2+)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern REPEATED = Pattern.compile("(.)\\1{2,}", Pattern.CASE_INSENSITIVE);
  private static final int MAX_GRAM = 3;

  /**
   * A feature with at least this many outcomes (the n-grams of common letters, which are most of
   * any text's features) is a row of {@link #dense}, added to the sums with one plain loop; the
   * rest keep OpenNLP's sparse arrays. Adding 0.0 changes no sum, so both give the same
   * doubles.
   */
  private static final int DENSE_OUTCOMES = 40;

  // open addressing: slot i holds a packed n-gram at 2i and its feature number at 2i + 1
  private final long[] table;
  private final int mask;
  private final int[][] outcomes;
  private final double[][] parameters;
  private final int[] denseRow;
  private final double[] dense;
  // the dense rows again, each as 16-bit steps of its own scale, with the largest rounding
  // error of the row: a quarter of the bytes to read, for the first, bounded estimate
  private final short[] coarse;
  private final double[] coarseScale;
  private final double[] coarseError;
  private final String[] languages;
  private final double logPrior;

  private LanguageScorer(Map<String, Context> predicates, String[] languages) {
    int capacity = Integer.highestOneBit(Math.max(16, predicates.size() * 2)) * 2;
    this.table = new long[2 * capacity];
    this.mask = capacity - 1;
    this.outcomes = new int[predicates.size()][];
    this.parameters = new double[predicates.size()][];
    this.denseRow = new int[predicates.size()];
    this.languages = languages;
    // UniformPrior: log(1 / outcomes) for every outcome, as GISModel starts its sums
    this.logPrior = StrictMath.log(1.0 / languages.length);
    int rows = 0;
    for (Context c : predicates.values()) {
      rows += c.getOutcomes().length >= DENSE_OUTCOMES ? 1 : 0;
    }
    this.dense = new double[rows * languages.length];
    this.coarse = new short[rows * languages.length];
    this.coarseScale = new double[rows];
    this.coarseError = new double[rows];
    int n = 0;
    int row = 0;
    // the n-grams of most languages first: the rows any text reads lie close together
    List<Map.Entry<String, Context>> entries = new ArrayList<>(predicates.entrySet());
    entries.sort(Comparator.comparingInt(e -> -e.getValue().getOutcomes().length));
    for (Map.Entry<String, Context> e : entries) {
      String gram = e.getKey();
      if (gram.isEmpty() || gram.length() > MAX_GRAM) {
        continue; // never a feature: OpenNLP's context is 1- to 3-grams
      }
      int[] active = e.getValue().getOutcomes();
      double[] weights = e.getValue().getParameters();
      if (active.length >= DENSE_OUTCOMES) {
        double largest = 0;
        for (int a = 0; a < active.length; a++) {
          dense[row * languages.length + active[a]] += weights[a];
          largest = Math.max(largest, Math.abs(weights[a]));
        }
        double scale = largest / Short.MAX_VALUE;
        double error = 0;
        for (int o = 0; o < languages.length && scale > 0; o++) {
          double w = dense[row * languages.length + o];
          short q = (short) Math.round(w / scale);
          coarse[row * languages.length + o] = q;
          error = Math.max(error, Math.abs(w - q * scale));
        }
        coarseScale[row] = scale;
        coarseError[row] = error + 1e-15;
        denseRow[n] = row++;
      } else {
        denseRow[n] = -1;
        outcomes[n] = active;
        parameters[n] = weights;
      }
      long key = pack(gram, 0, gram.length());
      int slot = slot(key);
      while (table[2 * slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[2 * slot] = key;
      table[2 * slot + 1] = n++;
    }
  }

  /**
   * The scorer of a model, or null when its evaluation is not the one this class reproduces
   * (another model type or prior, another context generator): then use OpenNLP itself.
   */
  @SuppressWarnings("unchecked")
  static LanguageScorer of(LanguageDetectorModel model, String probe) {
    MaxentModel maxent = model.getMaxentModel();
    if (!(maxent instanceof GISModel gis)
        || !model.getFactory().getClass().equals(LanguageDetectorFactory.class)) {
      return null;
    }
    Object[] data = ((AbstractModel) gis).getDataStructures();
    String[] names = new String[maxent.getNumOutcomes()];
    for (int i = 0; i < names.length; i++) {
      names[i] = maxent.getOutcome(i);
    }
    LanguageScorer scorer = new LanguageScorer((Map<String, Context>) data[1], names);
    Language[] expected = new LanguageDetectorME(model).predictLanguages(probe);
    double[] got = scorer.scores(probe, new Scratch(scorer));
    for (Language l : expected) {
      int i = java.util.Arrays.asList(names).indexOf(l.getLang());
      if (Math.abs(got[i] - l.getConfidence()) > 1e-12) {
        return null;
      }
    }
    return scorer;
  }

  /**
   * Working arrays of one thread: the outcome sums, and a small set of the n-grams already seen
   * in this text (each is a feature once, as in OpenNLP's map), which keeps the lookups in the
   * model's large table to one per distinct n-gram.
   */
  static final class Scratch {
    final double[] sums;
    long[] grams = new long[8192];
    int[] used = new int[4096];
    int[] features = new int[4096];
    final Chars chars = new Chars();
    int count;
    /** What {@link #touch} read: kept, so that the reads are not optimised away. */
    int touched;
    /** How often a decision needed the exact rows (for tests). */
    int exactRecounts;

    Scratch(LanguageScorer scorer) {
      sums = new double[scorer.languages.length];
    }

    /** Adds the gram; false when it was already there. */
    boolean add(long gram) {
      int mask = grams.length - 1;
      long h = gram * 0x9E3779B97F4A7C15L;
      int slot = (int) (h ^ (h >>> 29)) & mask;
      while (grams[slot] != 0) {
        if (grams[slot] == gram) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
      grams[slot] = gram;
      used[count++] = slot;
      return true;
    }

    /** Empties the set, sized for {@code grams} more at a load of at most a half. */
    void reset(int grams) {
      for (int i = 0; i < count; i++) {
        this.grams[used[i]] = 0;
      }
      count = 0;
      if (grams * 2 > this.grams.length) {
        this.grams = new long[Integer.highestOneBit(grams * 2) * 2];
      }
      if (grams > used.length) {
        used = new int[grams];
        features = new int[grams];
      }
    }
  }

  String language(int outcome) {
    return languages[outcome];
  }

  /**
   * The probability of every language, indexed like the model's outcomes: OpenNLP's
   * {@code predictLanguages} before sorting. The array is the scratch's, valid until the next
   * call.
   */
  double[] scores(String text, Scratch scratch) {
    int features = features(text, scratch);
    return exact(features, scratch);
  }

  /**
   * {@link LanguageGuess}'s decision on OpenNLP's scores: the first language when
   * {@code best >= sure || best >= next * lead}, else -1 (not sure). Decided on the 16-bit rows
   * when that is certain whatever their rounding (every sum is then within a known bound of
   * the exact one, so every probability within a known factor); recomputed with the exact
   * rows otherwise, which a clear text never needs.
   */
  int guess(String text, Scratch scratch, double sure, double lead) {
    int features = features(text, scratch);
    double[] sums = scratch.sums;
    java.util.Arrays.fill(sums, logPrior);
    double error = 0;
    touch(features, scratch);
    for (int f = 0; f < features; f++) {
      int context = scratch.features[f];
      int row = denseRow[context];
      if (row >= 0) {
        int from = row * sums.length;
        double scale = coarseScale[row];
        for (int o = 0; o < sums.length; o++) {
          sums[o] += coarse[from + o] * scale;
        }
        error += coarseError[row];
      } else {
        addSparse(context, sums);
      }
    }
    probabilities(sums);
    int decided = decide(sums, Math.exp(2 * error + 1e-9), sure, lead);
    if (decided != UNDECIDED) {
      return decided;
    }
    scratch.exactRecounts++;
    return decide(exact(features, scratch), 1, sure, lead);
  }

  private static final int UNDECIDED = -2;

  /**
   * Reads one value from every 64 bytes of each row the text needs, in a loop short enough for
   * the processor to fetch many rows at once; the adding loop then finds them in cache (a
   * quarter less time when the rows come from memory).
   */
  private void touch(int features, Scratch scratch) {
    int sum = 0;
    for (int f = 0; f < features; f++) {
      int row = denseRow[scratch.features[f]];
      if (row >= 0) {
        int from = row * languages.length;
        int to = from + languages.length - 1;
        sum += coarse[from] + coarse[Math.min(from + 32, to)] + coarse[Math.min(from + 64, to)]
            + coarse[to];
      }
    }
    scratch.touched = sum;
  }

  /**
   * The decision on probabilities each within a factor {@code slack} of the exact ones (1: they
   * are exact), or {@link #UNDECIDED} when the bounds allow either answer.
   */
  private static int decide(double[] p, double slack, double sure, double lead) {
    int first = -1;
    int second = -1;
    for (int o = 0; o < p.length; o++) {
      if (first < 0 || p[o] > p[first]) {
        second = first;
        first = o;
      } else if (second < 0 || p[o] > p[second]) {
        second = o;
      }
    }
    double next = second < 0 ? 0 : p[second];
    if (slack == 1) {
      return p[first] < sure && p[first] < next * lead ? -1 : first;
    }
    if (p[first] / slack <= next * slack) {
      return UNDECIDED; // which language is first is not certain
    }
    double bestLow = p[first] / slack;
    double bestHigh = p[first] * slack;
    double nextLow = next / slack;
    double nextHigh = next * slack;
    // "best < sure" and "best < next * lead", each true, false or unknown (0)
    int unsure = bestHigh < sure ? 1 : bestLow >= sure ? -1 : 0;
    int close = bestHigh < nextLow * lead ? 1 : bestLow >= nextHigh * lead ? -1 : 0;
    if (unsure == -1 || close == -1) {
      return first;
    }
    if (unsure == 1 && close == 1) {
      return -1;
    }
    return UNDECIDED;
  }

  /** The model features of the text, in order, into {@code scratch.features}; their count. */
  private int features(String text, Scratch scratch) {
    Chars prepared = prepared(text, scratch.chars);
    char[] chars = prepared.c;
    scratch.reset(MAX_GRAM * prepared.n);
    int n = 0;
    for (int length = 1; length <= MAX_GRAM; length++) {
      for (int start = 0; start + length <= prepared.n; start++) {
        long gram = pack(chars, start, length);
        int context = scratch.add(gram) ? find(gram) : -1;
        if (context >= 0) {
          scratch.features[n++] = context;
        }
      }
    }
    return n;
  }

  /** The exact probabilities: OpenNLP's sums, in the order of the features. */
  private double[] exact(int features, Scratch scratch) {
    double[] sums = scratch.sums;
    java.util.Arrays.fill(sums, logPrior);
    for (int f = 0; f < features; f++) {
      int context = scratch.features[f];
      int row = denseRow[context];
      if (row >= 0) {
        int from = row * sums.length;
        for (int o = 0; o < sums.length; o++) {
          sums[o] += dense[from + o];
        }
      } else {
        addSparse(context, sums);
      }
    }
    probabilities(sums);
    return sums;
  }

  private void addSparse(int context, double[] sums) {
    int[] active = outcomes[context];
    double[] weights = parameters[context];
    for (int a = 0; a < active.length; a++) {
      sums[active[a]] += weights[a];
    }
  }

  /** As GISModel: exp of each sum, normalised. */
  private static void probabilities(double[] sums) {
    double normal = 0;
    for (int o = 0; o < sums.length; o++) {
      sums[o] = StrictMath.exp(sums[o]);
      normal += sums[o];
    }
    for (int o = 0; o < sums.length; o++) {
      sums[o] /= normal;
    }
  }

  private int find(long key) {
    int slot = slot(key);
    while (true) {
      long k = table[2 * slot];
      if (k == key) {
        return (int) table[2 * slot + 1];
      }
      if (k == 0) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** Length in the top bits, so no gram packs to 0 (the empty slot) or to another's key. */
  private static long pack(CharSequence s, int start, int length) {
    long key = length;
    for (int i = 0; i < length; i++) {
      key = key << 16 | s.charAt(start + i);
    }
    return key;
  }

  private static long pack(char[] s, int start, int length) {
    long key = length;
    for (int i = 0; i < length; i++) {
      key = key << 16 | s[start + i];
    }
    return key;
  }

  /**
   * The normalised, lower-cased text, as OpenNLP gives it to its n-gram model: the characters
   * of {@code lowerCase(normalize(text))}, worked on in one array.
   */
  private static Chars prepared(String text, Chars chars) {
    chars.set(text);
    normalize(chars);
    for (int i = 0; i < chars.n; i++) {
      if (Character.isSurrogate(chars.c[i])) {
        chars.set(lowerCase(chars.string()));
        return chars;
      }
      chars.c[i] = Character.toLowerCase(chars.c[i]);
    }
    return chars;
  }

  /** As {@code opennlp.tools.util.StringUtil.toLowerCaseCharBuffer}: by code point. */
  private static String lowerCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
    return out.toString();
  }

  /** A text being rewritten in place: every rule here makes it shorter or leaves it. */
  static final class Chars {
    char[] c = new char[1024];
    int n;

    void set(String s) {
      if (s.length() > c.length) {
        c = new char[s.length()];
      }
      s.getChars(0, s.length(), c, 0);
      n = s.length();
    }

    String string() {
      return new String(c, 0, n);
    }

    boolean contains(char x) {
      for (int i = 0; i < n; i++) {
        if (c[i] == x) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * OpenNLP's language-detection normalisers, in their order: emoji, URL, e-mail, hashtags and
   * users, "RT", faces, laughter, numbers, runs of spaces, repeated letters, trim.
   */
  static String normalize(String text) {
    Chars chars = new Chars();
    chars.set(text);
    normalize(chars);
    return chars.string();
  }

  private static void normalize(Chars s) {
    emoji(s);
    if (hasUrl(s)) {
      s.set(URL.matcher(s.string()).replaceAll(" "));
    }
    if (s.contains('@')) {
      s.set(MAIL.matcher(s.string()).replaceAll(" "));
    }
    if (s.contains('#') || s.contains('@')) {
      s.set(HASH_USER.matcher(s.string()).replaceAll(" "));
    }
    if (mayRetweet(s)) {
      s.set(RT.matcher(s.string()).replaceAll(" "));
    }
    faces(s);
    if (mayLaugh(s)) {
      s.set(LAUGH.matcher(s.string()).replaceAll("$1$2$1$2"));
    }
    numbers(s);
    spaces(s);
    if (mayRepeat(s)) {
      s.set(REPEATED.matcher(s.string()).replaceAll("$1$1"));
    }
    trim(s);
  }

  /**
   * OpenNLP's emoji class (U+D83C to U+DBFF, U+DC00 to U+DFFF, written as escapes) to a space.
   * Java reads the escaped pair in its middle as one code point, so the class is U+D83C to
   * U+10FC00, a literal '-' and U+DFFF: on text without surrogates, every hyphen and every
   * character from U+E000 on.
   */
  private static void emoji(Chars s) {
    char[] c = s.c;
    for (int i = 0; i < s.n; i++) {
      if (Character.isSurrogate(c[i])) {
        s.set(EMOJI.matcher(s.string()).replaceAll(" "));
        return;
      }
    }
    int out = 0;
    int i = 0;
    while (i < s.n) {
      if (c[i] == '-' || c[i] >= '\uE000') {
        while (i < s.n && (c[i] == '-' || c[i] >= '\uE000')) {
          i++;
        }
        c[out++] = ' '; // after the run: out may be where it started
      } else {
        c[out++] = c[i++];
      }
    }
    s.n = out;
  }

  private static boolean hasUrl(Chars s) {
    for (int i = 0; i + 2 < s.n; i++) {
      if (s.c[i] == ':' && s.c[i + 1] == '/' && s.c[i + 2] == '/') {
        return true;
      }
    }
    return false;
  }

  /** {@code [:;x]-?[()dop]}, case-insensitive, to a space. */
  private static void faces(Chars s) {
    char[] c = s.c;
    int n = s.n;
    int out = 0;
    int i = 0;
    while (i < n) {
      char x = c[i];
      int length = 0;
      if (x == ':' || x == ';' || x == 'x' || x == 'X') {
        if (i + 2 < n && c[i + 1] == '-' && isMouth(c[i + 2])) {
          length = 3;
        } else if (i + 1 < n && isMouth(c[i + 1])) {
          length = 2;
        }
      }
      if (length > 0) {
        c[out++] = ' ';
        i += length;
      } else {
        c[out++] = x;
        i++;
      }
    }
    s.n = out;
  }

  private static boolean isMouth(char c) {
    return c == '(' || c == ')' || c == 'd' || c == 'o' || c == 'p' || c == 'D' || c == 'O'
        || c == 'P';
  }

  /** {@code \d+} (ASCII digits) to a space. */
  private static void numbers(Chars s) {
    char[] c = s.c;
    int out = 0;
    int i = 0;
    while (i < s.n) {
      if (c[i] >= '0' && c[i] <= '9') {
        while (i < s.n && c[i] >= '0' && c[i] <= '9') {
          i++;
        }
        c[out++] = ' ';
      } else {
        c[out++] = c[i++];
      }
    }
    s.n = out;
  }

  /** {@code \s{2,}} to one space; a single whitespace character stays as it is. */
  private static void spaces(Chars s) {
    char[] c = s.c;
    int out = 0;
    int i = 0;
    while (i < s.n) {
      if (isSpace(c[i]) && i + 1 < s.n && isSpace(c[i + 1])) {
        while (i < s.n && isSpace(c[i])) {
          i++;
        }
        c[out++] = ' ';
      } else {
        c[out++] = c[i++];
      }
    }
    s.n = out;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** As {@link String#trim}: nothing at or below U+0020 at either end. */
  private static void trim(Chars s) {
    int start = 0;
    while (start < s.n && s.c[start] <= ' ') {
      start++;
    }
    int end = s.n;
    while (end > start && s.c[end - 1] <= ' ') {
      end--;
    }
    if (start > 0) {
      System.arraycopy(s.c, start, s.c, 0, end - start);
    }
    s.n = end - start;
  }

  /** Whether {@code \b(rt[ :])+} can match: it needs "rt" then a space or colon. */
  private static boolean mayRetweet(Chars s) {
    char[] c = s.c;
    for (int i = 0; i + 2 < s.n; i++) {
      if ((c[i] == 'r' || c[i] == 'R') && (c[i + 1] == 't' || c[i + 1] == 'T')
          && (c[i + 2] == ' ' || c[i + 2] == ':')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code ([hj])+([aieou])+(\1+\2+)+} can match: it needs an h or j, vowels, and the
   * same h or j again right after them ("hah", "jaj").
   */
  private static boolean mayLaugh(Chars s) {
    char[] c = s.c;
    for (int i = 0; i + 2 < s.n; i++) {
      char h = lowerAscii(c[i]);
      if (h != 'h' && h != 'j') {
        continue;
      }
      int end = i + 1;
      while (end < s.n && isVowel(lowerAscii(c[end]))) {
        end++;
      }
      if (end > i + 1 && end < s.n && lowerAscii(c[end]) == h) {
        return true;
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'i' || c == 'e' || c == 'o' || c == 'u';
  }

  /**
   * Whether {@code (.)\1{2,}} (ASCII case-insensitive) can match: three equal characters, or a
   * surrogate pair repeated.
   */
  private static boolean mayRepeat(Chars s) {
    char[] c = s.c;
    for (int i = 0; i + 2 < s.n; i++) {
      char a = lowerAscii(c[i]);
      if (a == lowerAscii(c[i + 1]) && a == lowerAscii(c[i + 2])) {
        return true;
      }
      if (Character.isHighSurrogate(c[i]) && i + 3 < s.n && c[i] == c[i + 2]
          && c[i + 1] == c[i + 3]) {
        return true;
      }
    }
    return false;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
