package io.policywire.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.util.Span;

/**
 * A rule-based English tokenizer in the style of Universal Dependencies (what OpenNLP's
 * part-of-speech model was trained on): whitespace splits, punctuation is peeled off both ends,
 * a possessive {@code 's} is its own token, and abbreviations keep their period ("U.S.", "Inc.").
 * It replaces OpenNLP's learned tokenizer, which cost more than the tagging itself for the same
 * tokens on news text.
 */
final class Tokens {

  private static final Set<String> ABBREVIATIONS = Set.of("inc.", "corp.", "co.", "ltd.", "mr.",
      "ms.", "mrs.", "dr.", "jr.", "sr.", "st.", "sen.", "rep.", "gov.", "prof.", "gen.", "no.",
      "vs.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "u.s.", "u.k.", "e.u.",
      "d.c.", "u.n.");

  private Tokens() {}

  static Span[] tokenize(String s) {
    List<Span> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (start < i) {
        word(s, start, i, out);
      }
    }
    return out.toArray(new Span[0]);
  }

  private static void word(String s, int start, int end, List<Span> out) {
    while (start < end && isPunct(s.charAt(start))) {
      out.add(new Span(start, start + 1));
      start++;
    }
    int tail = end;
    while (end > start) {
      char c = s.charAt(end - 1);
      if (c == '.' && keepsPeriod(s, start, end)) {
        break;
      }
      if (!isPunct(c) && c != '.') {
        break;
      }
      end--;
    }
    if (end - start > 2 && (s.charAt(end - 1) == 's' || s.charAt(end - 1) == 'S')
        && s.charAt(end - 2) == '\'') {
      out.add(new Span(start, end - 2));
      out.add(new Span(end - 2, end));
    } else if (end > start) {
      out.add(new Span(start, end));
    }
    for (int k = end; k < tail; k++) {
      out.add(new Span(k, k + 1));
    }
  }

  static boolean keepsPeriod(String s, int start, int end) {
    String w = s.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    if (ABBREVIATIONS.contains(w)) {
      return true;
    }
    // single capital initials ("J.") and dotted acronyms ("U.S.A.")
    int dots = 0;
    for (int k = 0; k < w.length(); k++) {
      if (w.charAt(k) == '.') {
        dots++;
      }
    }
    return w.length() >= 2 && dots >= 1 && w.length() - dots <= 3
        && w.indexOf('.') < w.length() - 1
        || (w.length() == 2 && Character.isLetter(w.charAt(0)));
  }

  static boolean isPunct(char c) {
    return switch (c) {
      case ',', ';', ':', '!', '?', '"', '(', ')', '[', ']', '{', '}', '\u201C', '\u201D',
          '\u2018', '\u2019', '\'', '\u2014', '\u2013', '\u2022', '*' -> true;
      default -> false;
    };
  }
}
