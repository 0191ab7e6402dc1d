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
  private record Entry(String id, Keywords keywords, Pattern pattern) {}

  private static final List<Entry> TERMS = List.of(
      term("tech:artificial-intelligence", Keywords.of("artificial intelligence", "ai"),
          "artificial intelligence|\\bAI(?:-powered)?\\b"),
      term("tech:semiconductors", Keywords.of("semiconductor", "chip"),
          "semiconductors?|\\bchips?\\b|chipmaking"),
      term("tech:facial-recognition", Keywords.of("facial recognition"), "facial recognition"),
      term("tech:5g", Keywords.of("5g"), "\\b5G\\b"),
      term("tech:encryption", Keywords.of("encrypt"), "\\bencryption\\b|end-to-end encrypt\\w*"),
      term("tech:cryptocurrency", Keywords.of("crypto", "stablecoin"),
          "cryptocurrenc(?:y|ies)|\\bcrypto\\b|stablecoins?"),
      term("tech:drones", Keywords.of("drone"), "\\bdrones?\\b"),
      term("tech:quantum-computing", Keywords.of("quantum comput"), "quantum comput\\w+"),
      term("tech:recommendation-algorithms", Keywords.of("recommendation "),
          "recommendation (?:algorithms?|engines?|technolog\\w+)"),
      term("tech:spyware", Keywords.of("spyware"), "\\bspyware\\b"),
      term("tech:social-media", Keywords.of("social media"), "\\bsocial media\\b"));

  private static Entry term(String id, Keywords keywords, String regex) {
    return new Entry(id, keywords,
        Pattern.compile(regex, id.equals("tech:5g") ? 0 : Pattern.CASE_INSENSITIVE));
  }

  private TechTerms() {}

  static List<Term> find(String sentence) {
    String lowered = Keywords.lower(sentence);
    List<Term> out = new ArrayList<>();
    for (Entry e : TERMS) {
      if (e.keywords().anyIn(lowered)) {
        Matcher m = e.pattern().matcher(sentence);
        if (m.find()) {
          out.add(new Term(e.id(), m.start(), m.end()));
        }
      }
    }
    return out;
  }
}
