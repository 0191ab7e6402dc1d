package io.policywire.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Technologies an action can target that the knowledge base does not hold as entities ("export
 * controls on artificial intelligence"), each with a stable id of its own, {@code tech:…}.
 */
final class LegacyTechTerms {

  record Term(String id, int start, int end) {}

  private static final Map<String, Pattern> TERMS = new java.util.LinkedHashMap<>();

  static {
    add("tech:artificial-intelligence", "artificial intelligence|\\bAI(?:-powered)?\\b");
    add("tech:semiconductors", "semiconductors?|\\bchips?\\b|chipmaking");
    add("tech:facial-recognition", "facial recognition");
    add("tech:5g", "\\b5G\\b");
    add("tech:encryption", "\\bencryption\\b|end-to-end encrypt\\w*");
    add("tech:cryptocurrency", "cryptocurrenc(?:y|ies)|\\bcrypto\\b|stablecoins?");
    add("tech:drones", "\\bdrones?\\b");
    add("tech:quantum-computing", "quantum comput\\w+");
    add("tech:recommendation-algorithms", "recommendation (?:algorithms?|engines?|technolog\\w+)");
    add("tech:spyware", "\\bspyware\\b");
    add("tech:social-media", "\\bsocial media\\b");
  }

  private static void add(String id, String regex) {
    TERMS.put(id, Pattern.compile(regex, id.equals("tech:5g") ? 0 : Pattern.CASE_INSENSITIVE));
  }

  private LegacyTechTerms() {}

  static List<Term> find(String sentence) {
    List<Term> out = new ArrayList<>();
    TERMS.forEach((id, p) -> {
      Matcher m = p.matcher(sentence);
      if (m.find()) {
        out.add(new Term(id, m.start(), m.end()));
      }
    });
    return out;
  }
}
