package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.model.ActionMention;
import io.policywire.tag.EntityTagger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The detector's whole output over every text of {@link ActionCorpus}, against a golden file:
 * each sentence's triggers, dates and technologies, each article's candidates and merged
 * mentions. It pins behaviour, so speed work cannot change it unseen. After a deliberate change,
 * regenerate with {@code mvn -q test -Dtest=ActionDetectorGoldenTest -Dgolden.write=true} and
 * review the diff of the file like code.
 */
class ActionDetectorGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/actions/golden.txt");

  @Test
  void shouldDetectExactlyWhatTheGoldenFileRecords() throws Exception {
    EntityTagger tagger = EntityTagger.defaults();
    ActionDetector detector = new ActionDetector(EntityDirectory.of(tagger.knowledgeBase()));
    List<String> actual = new ArrayList<>();
    for (ActionCorpus.Input in : ActionCorpus.all(tagger)) {
      describe(detector, in, actual);
    }
    if (Boolean.getBoolean("golden.write")) {
      Files.write(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    List<String> expected = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
    int differs = firstDifference(expected, actual);
    assertThat(differs).as("first differing line %d: expected %s but was %s", differs + 1,
        line(expected, differs), line(actual, differs)).isEqualTo(-1);
  }

  private static void describe(ActionDetector detector, ActionCorpus.Input in,
      List<String> out) {
    out.add("# " + in.id() + " " + in.publishedAt());
    LocalDate published = LocalDate.parse(in.publishedAt().substring(0, 10));
    for (Sentences.Sentence s : Sentences.split(in.text())) {
      String hits = TriggerLexicon.find(s.text()).stream()
          .map(h -> h.type() + "@" + h.start() + "-" + h.end() + "/" + h.effect())
          .collect(Collectors.joining(","));
      String dates = new DateResolver().find(s.text(), published).stream()
          .map(d -> d.iso() + "@" + d.start() + "-" + d.end() + (d.deadline() ? "!" : ""))
          .collect(Collectors.joining(","));
      String techs = TechTerms.find(s.text()).stream()
          .map(t -> t.id() + "@" + t.start() + "-" + t.end()).collect(Collectors.joining(","));
      if (!hits.isEmpty() || !dates.isEmpty() || !techs.isEmpty()) {
        out.add("S " + s.index() + " T[" + hits + "] D[" + dates + "] X[" + techs + "]");
      }
    }
    for (ActionDetector.Candidate c : detector.candidates(in.text(), in.entities(),
        in.publishedAt())) {
      out.add("C " + c.sentence() + " " + c.type() + " " + c.status()
          + (c.derived() ? " derived" : "") + " evidence#" + hash(c.sentenceText()) + " "
          + mention(c.mention()));
    }
    for (ActionMention m : detector.detect(in.text(), in.entities(), in.publishedAt())) {
      out.add("M " + mention(m));
    }
  }

  private static String mention(ActionMention m) {
    return String.join(" | ", m.id(), m.type(), m.authority(), String.valueOf(m.targets()),
        m.jurisdiction(), m.date(), m.status(), m.affects(), "evidence#" + hash(m.evidence()));
  }

  private static String hash(String s) {
    return s == null ? "null" : Integer.toHexString(s.hashCode());
  }

  private static int firstDifference(List<String> a, List<String> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (!line(a, i).equals(line(b, i))) {
        return i;
      }
    }
    return -1;
  }

  private static String line(List<String> lines, int i) {
    return i >= 0 && i < lines.size() ? lines.get(i) : "<none>";
  }
}
