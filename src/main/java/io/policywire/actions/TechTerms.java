package io.policywire.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Technologies an action can target that the knowledge base does not hold as entities ("export
 * controls on artificial intelligence"), each with a stable id of its own, {@code tech:…}.
 */
final class TechTerms {

  record Term(String id, int start, int end) {}

  /** A technology's pattern and the words one of which its every match holds. */
  private record Entry(String id, List<String> keywords, Pattern pattern) {}

  private static final List<Entry> TERMS = List.of(
      term("tech:artificial-intelligence", List.of("artificial intelligence", "\\bai"),
          "artificial intelligence|\\bAI(?:-powered)?\\b"),
      term("tech:semiconductors", List.of("semiconductor", "chip"),
          "semiconductors?|\\bchips?\\b|chipmaking"),
      term("tech:facial-recognition", List.of("facial recognition"), "facial recognition"),
      term("tech:5g", List.of("5g"), "\\b5G\\b"),
      term("tech:encryption", List.of("encrypt"), "\\bencryption\\b|end-to-end encrypt\\w*"),
      term("tech:cryptocurrency", List.of("crypto", "stablecoin"),
          "cryptocurrenc(?:y|ies)|\\bcrypto\\b|stablecoins?"),
      term("tech:drones", List.of("drone"), "\\bdrones?\\b"),
      term("tech:quantum-computing", List.of("quantum comput"), "quantum comput\\w+"),
      term("tech:recommendation-algorithms", List.of("recommendation "),
          "recommendation (?:algorithms?|engines?|technolog\\w+)"),
      term("tech:spyware", List.of("spyware"), "\\bspyware\\b"),
      term("tech:social-media", List.of("social media"), "\\bsocial media\\b"));

  private static Entry term(String id, List<String> keywords, String regex) {
    return new Entry(id, keywords,
        Pattern.compile(regex, id.equals("tech:5g") ? 0 : Pattern.CASE_INSENSITIVE));
  }

  private TechTerms() {}

  /** Each term's pattern with its words, for the test that no match goes without one. */
  static List<CuedPattern> cuedPatterns() {
    return TERMS.stream().map(e -> new CuedPattern(Keywords.of(e.keywords().toArray(
        String[]::new)), e.pattern())).toList();
  }

  private static final Keywords KEYWORDS =
      Keywords.of(TERMS.stream().map(Entry::keywords).toList());

  static List<Term> find(String sentence) {
    long present = KEYWORDS.groupsIn(sentence);
    List<Term> out = new ArrayList<>();
    for (int i = 0; i < TERMS.size() && present != 0; i++) {
      if ((present & 1L << i) != 0) {
        Entry e = TERMS.get(i);
        Matcher m = e.pattern().matcher(sentence);
        if (m.find()) {
          out.add(new Term(e.id(), m.start(), m.end()));
        }
      }
    }
    return out;
  }
}
