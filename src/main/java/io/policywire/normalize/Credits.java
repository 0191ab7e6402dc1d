package io.policywire.normalize;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agency and outlet credits, which say where a text comes from rather than what happened: a
 * closing "With AFP", "(Reuters)" or "Source: TechCrunch" line, a "By Reuters" byline, an
 * "© AFP" notice, or the agency in a dateline ("PARIS (AFP) — "). Dedup and stories group copies
 * by this origin; left in the text it would be a false entity and a difference between copies.
 *
 * <p>Agencies in parentheses or datelines must be known ones: "(Twitter)" at the end of a line is
 * a photo credit, not the origin of the story. After "Source:" or "With", any short name counts.
 */
final class Credits {

  /** Known wire agencies, as they are written in credits, and the name {@code origin} uses. */
  private static final Map<String, String> AGENCIES = Map.ofEntries(
      Map.entry("afp", "AFP"), Map.entry("agence france-presse", "AFP"),
      Map.entry("agence france presse", "AFP"), Map.entry("reuters", "Reuters"),
      Map.entry("thomson reuters", "Reuters"), Map.entry("ap", "AP"),
      Map.entry("associated press", "AP"), Map.entry("the associated press", "AP"),
      Map.entry("bloomberg", "Bloomberg"), Map.entry("dpa", "dpa"), Map.entry("xinhua", "Xinhua"),
      Map.entry("kyodo", "Kyodo"), Map.entry("kyodo news", "Kyodo"), Map.entry("yonhap", "Yonhap"),
      Map.entry("ansa", "ANSA"), Map.entry("efe", "EFE"), Map.entry("upi", "UPI"),
      Map.entry("tass", "TASS"), Map.entry("anadolu", "Anadolu"), Map.entry("aap", "AAP"),
      Map.entry("pti", "PTI"), Map.entry("ians", "IANS"), Map.entry("ani", "ANI"),
      Map.entry("pa", "PA"), Map.entry("belga", "Belga"), Map.entry("bernama", "Bernama"),
      Map.entry("cna", "CNA"));
  private static final String AGENCY = "(agence france.presse|afp|thomson reuters|reuters"
      + "|(the )?associated press|ap|bloomberg|dpa|xinhua|kyodo( news)?|yonhap|ansa|efe|upi|tass"
      + "|anadolu|aap|pti|ians|ani|pa|belga|bernama|cna)";
  private static final String NAME = "(\\p{Lu}[\\p{L}\\p{N}.&'-]*(?: \\p{Lu}[\\p{L}\\p{N}.&'-]*){0,4})";

  // whole lines, on the original text (case matters for names)
  private static final Pattern WITH = Pattern.compile("\\(?[Ww]ith " + NAME + "\\)?\\.?");
  private static final Pattern SOURCE = Pattern.compile("(?i:source|sources|via|courtesy of)"
      + " ?: ?" + NAME + "\\.?");
  // whole lines, on the folded text
  private static final Pattern AGENCY_LINE = Pattern.compile("[(\\[]?(-+ ?|by )?" + AGENCY
      + "[)\\]]?\\.?");
  private static final Pattern AGENCY_NOTICE = Pattern.compile("(©|\\(c\\)|copyright) ?(\\d{4} )?"
      + AGENCY + "\\b.{0,120}");
  // the start of a paragraph: "PARIS (AFP) - ", "WASHINGTON, June 3 (Reuters) - ", "(AP) — "
  private static final Pattern DATELINE = Pattern.compile("^([\\p{Lu}][\\p{Lu}\\p{M} .'-]{1,40}"
      + "(, [\\p{L}.]{3,10} \\d{1,2})?)? ?\\((?i:" + AGENCY + ")\\) ?([-\\u2013\\u2014]+) ?");

  private Credits() {}

  /**
   * A credit line. {@code trailingOnly}: it counts only with nothing of the story after it
   * ("With AFP" closes a wire story; mid-text, "With Friends Like These" is a subheading).
   */
  record Credit(String origin, boolean trailingOnly) {}

  /** The credit this whole line is, or null when it is not a credit line. */
  static Credit ofLine(String line) {
    String s = line.strip();
    if (s.length() > 160) {
      return null;
    }
    Matcher m = WITH.matcher(s);
    if (m.matches() && s.split(" ").length <= 5) {
      return new Credit(canonical(m.group(1)), true);
    }
    String origin = anywhere(s);
    return origin == null ? null : new Credit(origin, false);
  }

  private static String anywhere(String s) {
    Matcher m;
    m = SOURCE.matcher(s);
    if (m.matches()) {
      return canonical(m.group(1));
    }
    String folded = MatchFold.fold(s);
    m = AGENCY_LINE.matcher(folded);
    if (m.matches()) {
      return canonical(m.group(2));
    }
    m = AGENCY_NOTICE.matcher(folded);
    if (m.matches()) {
      return canonical(m.group(3));
    }
    return null;
  }

  /** A paragraph's opening dateline credit: the agency, and the paragraph without it. */
  record Dateline(String origin, String paragraph) {}

  static Dateline dateline(String paragraph) {
    Matcher m = DATELINE.matcher(paragraph.length() > 120 ? paragraph.substring(0, 120) : paragraph);
    if (!m.find()) {
      return null;
    }
    String place = m.group(1) == null ? "" : m.group(1).strip();
    String rest = paragraph.substring(m.end());
    // keep the place and the dash of a dateline, drop only the agency: "PARIS — ..."
    String kept = place.isEmpty() ? rest : place + " " + m.group(m.groupCount()) + " " + rest;
    return new Dateline(canonical(m.group(3)), kept);
  }

  private static String canonical(String name) {
    String n = name.strip();
    while (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    return AGENCIES.getOrDefault(n.toLowerCase(Locale.ROOT), n);
  }
}
