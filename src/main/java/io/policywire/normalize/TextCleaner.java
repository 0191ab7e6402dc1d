package io.policywire.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Unicode clean-up of readable text: NFKC (folds no-break spaces, ligatures and full-width
 * forms), no control or invisible format characters (zero-width, bidi overrides and isolates,
 * which can hide or reorder text in a title), no unpaired surrogates (they cannot be written as
 * UTF-8), single spaces within a line, at most one blank line between paragraphs. The text stays
 * readable: quotes and dashes are kept; {@link MatchFold} folds them for matching.
 *
 * <p>Idempotent: cleaning clean text changes nothing, which the property tests check.
 */
public final class TextCleaner {

  // Cc (controls) except line feed and tab, Cf (format: zero-width, bidi controls, soft hyphen,
  // byte-order mark, tag characters) and Cs (a surrogate not part of a pair).
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}&&[^\\n\\t]]");
  private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085\\u000B\\u000C]");
  private static final Pattern SPACES = Pattern.compile("[\\t\\p{Zs}]+");
  private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\\n *");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private TextCleaner() {}

  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    String s = LINE_BREAKS.matcher(text).replaceAll("\n");
    // invisible characters go before and after NFKC: between two letters a zero-width joiner
    // would otherwise block composition, and NFKC can itself produce none, but stay safe
    s = INVISIBLE.matcher(s).replaceAll("");
    s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    s = INVISIBLE.matcher(s).replaceAll("");
    s = SPACES.matcher(s).replaceAll(" ");
    s = SPACE_AROUND_NEWLINE.matcher(s).replaceAll("\n");
    s = BLANK_LINES.matcher(s).replaceAll("\n\n");
    return s.strip();
  }

  /** A title or other one-line field: cleaned, then on one line. */
  public static String oneLine(String text) {
    return clean(text).replace("\n\n", " ").replace('\n', ' ');
  }
}
