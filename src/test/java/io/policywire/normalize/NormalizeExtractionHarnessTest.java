package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.normalize.LabelledSet.Labelled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Extraction quality on labelled articles ({@link LabelledSet}): how many story lines and
 * sentences survive, how many junk lines are removed, precision of what is kept and of what is
 * removed, and whether headline and origin come out right. Prints one row per set and the
 * total; the figures in the README come from this output. Fails below the floors, and on the
 * junk the issue names (002's tail, "Skip to main content", 000's stray "P").
 */
class NormalizeExtractionHarnessTest {

  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?][\u201d\"\u2019']?)\\s+(?=[\\p{Lu}\u201c\"\u2018])");

  private final Normalizer normalizer = new Normalizer(1 << 20);

  /** Counts for one set of articles. */
  private static final class Tally {
    int storyLines;
    int storyLinesKept;
    int sentences;
    int sentencesKept;
    int junkLines;
    int junkRemoved;
    int articles;
    int titlesRight;
    int originsRight;
    final List<String> misses = new ArrayList<>();

    void add(Tally t) {
      storyLines += t.storyLines;
      storyLinesKept += t.storyLinesKept;
      sentences += t.sentences;
      sentencesKept += t.sentencesKept;
      junkLines += t.junkLines;
      junkRemoved += t.junkRemoved;
      articles += t.articles;
      titlesRight += t.titlesRight;
      originsRight += t.originsRight;
      misses.addAll(t.misses);
    }

    double keptPrecision() {
      int keptJunk = junkLines - junkRemoved;
      return ratio(storyLinesKept, storyLinesKept + keptJunk);
    }

    double removedPrecision() {
      int removedStory = storyLines - storyLinesKept;
      return ratio(junkRemoved, junkRemoved + removedStory);
    }

    String row(String name) {
      return String.format("%-8s %8d %13s %14s %13s %15s %17s %7s %8s", name, articles,
          share(storyLinesKept, storyLines), share(sentencesKept, sentences),
          share(junkRemoved, junkLines), String.format("%.3f", keptPrecision()),
          String.format("%.3f", removedPrecision()), titlesRight + "/" + articles,
          originsRight + "/" + articles);
    }
  }

  @Test
  void shouldKeepTheStoryAndRemoveTheJunkOfEveryLabelledArticle() {
    Map<String, Tally> bySet = new LinkedHashMap<>();
    Map<String, NormalizedArticle> byName = new LinkedHashMap<>();
    for (Labelled l : LabelledSet.all()) {
      NormalizedArticle a = normalizer.normalize(l.raw());
      byName.put(l.name(), a);
      bySet.computeIfAbsent(l.set(), k -> new Tally()).add(score(l, a));
    }
    Tally total = new Tally();
    bySet.values().forEach(total::add);

    System.out.println("set      articles  story lines  story sentences  junk removed"
        + "  kept precision  removed precision  titles  origins");
    bySet.forEach((set, t) -> System.out.println(t.row(set)));
    System.out.println(total.row("all"));
    total.misses.forEach(m -> System.out.println("  miss: " + m));

    String tail = byName.get("002_bf97c4f8aed7de8b.txt").text();
    assertThat(tail).doesNotContain("food delivery", "Cyber Monday", "iPhone", "Slack", "AWS",
        "Popular posts", "TechCrunch");
    assertThat(byName.values()).allSatisfy(a -> assertThat(a.title() + "\n" + a.text())
        .doesNotContain("Skip to main content"));
    assertThat(byName.get("000_1aea3facdf90092c.txt").text().split("\n")).doesNotContain("P");
    assertThat(total.titlesRight).isEqualTo(total.articles);
    assertThat(total.originsRight).isEqualTo(total.articles);
    assertThat(ratio(total.storyLinesKept, total.storyLines)).isGreaterThanOrEqualTo(0.97);
    assertThat(ratio(total.junkRemoved, total.junkLines)).isGreaterThanOrEqualTo(0.95);
  }

  private static Tally score(Labelled l, NormalizedArticle a) {
    Tally t = new Tally();
    String text = MatchFold.fold(a.text());
    List<String> textLines = List.of(text.split("\n"));
    String title = MatchFold.fold(a.title());
    t.articles = 1;
    t.titlesRight = a.title().equals(TextCleaner.oneLine(l.title())) ? 1 : 0;
    t.originsRight = java.util.Objects.equals(a.origin(), l.origin()) ? 1 : 0;
    if (t.titlesRight == 0) {
      t.misses.add(l.name() + " title: " + a.title());
    }
    if (t.originsRight == 0) {
      t.misses.add(l.name() + " origin: " + a.origin());
    }
    for (String line : l.story()) {
      boolean all = true;
      for (String sentence : SENTENCE_END.split(TextCleaner.oneLine(line))) {
        t.sentences++;
        if (text.contains(MatchFold.fold(sentence))) {
          t.sentencesKept++;
        } else {
          all = false;
          t.misses.add(l.name() + " lost: " + abbreviate(sentence));
        }
      }
      t.storyLines++;
      t.storyLinesKept += all ? 1 : 0;
    }
    for (String line : l.junk()) {
      String junk = MatchFold.fold(TextCleaner.oneLine(line));
      boolean leaked = textLines.contains(junk) || title.equals(junk)
          || junk.length() >= 25 && (text.contains(junk) || title.contains(junk));
      t.junkLines++;
      if (leaked) {
        t.misses.add(l.name() + " kept junk: " + abbreviate(line));
      } else {
        t.junkRemoved++;
      }
    }
    return t;
  }

  private static String abbreviate(String s) {
    return s.length() <= 70 ? s : s.substring(0, 70) + "…";
  }

  private static String share(int part, int whole) {
    return String.format("%d/%d %.3f", part, whole, ratio(part, whole));
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }
}
