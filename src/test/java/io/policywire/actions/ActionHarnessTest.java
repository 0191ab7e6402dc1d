package io.policywire.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.kafka.Json;
import io.policywire.model.ActionMention;
import io.policywire.model.Alert;
import io.policywire.model.EnrichedArticle;
import io.policywire.model.RawArticle;
import io.policywire.model.RegulatoryAction;
import io.policywire.pipeline.Enricher;
import io.policywire.tag.EntityTagger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The evaluation harness of action detection: {@code mvn -o test -Dtest=ActionHarnessTest}
 * prints precision and recall over {@code src/test/resources/actions/eval.json} (our articles
 * and references into {@code ../shared/corpus/seeds}), through the no-Kafka path the pipeline
 * runs (normalize, entity tagging, detection), then replays the merged mentions in publication
 * order through {@link ActionBook} as the actions stage would, to count records and alerts.
 */
class ActionHarnessTest {

  private static final Path EVAL = Path.of("src/test/resources/actions/eval.json");
  private static final Path CORPUS = Path.of("../shared/corpus");

  /** A gold action and the detection matched to it, if any. */
  private record Scored(JsonNode gold, String article, ActionDetector.Candidate found,
      boolean heldout) {}

  @Test
  void shouldPrintPrecisionAndRecallOverTheLabelledSet() throws Exception {
    JsonNode eval = Json.MAPPER.readTree(EVAL.toFile());
    JsonNode manifest = Json.MAPPER.readTree(CORPUS.resolve("manifest.json").toFile());
    Enricher enricher = new Enricher(1 << 20);
    ActionDetector detector = new ActionDetector(
        EntityDirectory.of(EntityTagger.defaults().knowledgeBase()));

    List<Scored> scored = new ArrayList<>();
    List<String> falsePositives = new ArrayList<>();
    int changesExpected = 0;
    int changesFound = 0;
    List<EnrichedArticle> enrichedArticles = new ArrayList<>();
    for (JsonNode a : eval.get("articles")) {
      RawArticle raw = raw(a, manifest);
      EnrichedArticle e = enricher.enrich(raw);
      enrichedArticles.add(e);
      List<ActionDetector.Candidate> candidates =
          detector.candidates(e.text(), e.entities(), e.publishedAt());
      Set<ActionDetector.Candidate> used = new HashSet<>();
      for (JsonNode g : a.get("actions")) {
        String needle = g.get("sentence").asText();
        ActionDetector.Candidate match = candidates.stream()
            .filter(c -> !c.derived() && !used.contains(c) && c.sentenceText().contains(needle))
            .findFirst().orElse(null);
        if (match != null) {
          used.add(match);
        }
        scored.add(new Scored(g, raw.id(), match, a.path("heldout").asBoolean()));
      }
      for (ActionDetector.Candidate c : candidates) {
        if (!c.derived() && !used.contains(c)) {
 falsePositives.add((a.path("heldout").asBoolean() ? "[heldout] " : "") + raw.id() + ": " + c.mention().type() + " " + c.mention().id()
              + " | " + c.sentenceText());
        }
      }
      for (JsonNode ch : a.path("changes")) {
        changesExpected++;
        String needle = ch.get("sentence").asText();
        String status = ch.get("status").asText();
        String group = ch.get("group").asText();
        String goldId = scored.stream()
            .filter(s -> s.gold().get("group").asText().equals(group) && s.found() != null
                && s.article().equals(raw.id()))
            .map(s -> s.found().mention().id()).findFirst().orElse(null);
        boolean found = candidates.stream().anyMatch(c -> c.derived()
            && c.sentenceText().contains(needle) && c.status().name().equals(status)
            && (goldId == null || c.mention().id().equals(goldId)));
        if (found) {
          changesFound++;
        }
      }
    }

    List<Scored> required = scored.stream().filter(s -> !s.gold().path("optional").asBoolean())
        .toList();
    List<Scored> matched = scored.stream().filter(s -> s.found() != null).toList();
    long tp = required.stream().filter(s -> s.found() != null).count();
    double precision = ratio(tp, tp + falsePositives.size());
    double recall = ratio(tp, required.size());

    StringBuilder out = new StringBuilder();
    out.append("\n=== regulatory actions: ").append(eval.get("articles").size())
        .append(" articles, ").append(required.size()).append(" labelled actions (+")
        .append(scored.size() - required.size()).append(" optional) ===\n");
    out.append(String.format("detection   precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)%n",
        precision, recall, tp, falsePositives.size(), required.size() - tp));
    List<Scored> seedRequired = required.stream().filter(s -> s.article().endsWith(".txt"))
        .toList();
    long seedTp = seedRequired.stream().filter(s -> s.found() != null).count();
    long seedFp = falsePositives.stream().filter(f -> f.contains(".txt: ")).count();
    out.append(String.format("  of which the corpus seeds: precision %.3f  recall %.3f  "
        + "(tp %d, fp %d, fn %d)%n", ratio(seedTp, seedTp + seedFp),
        ratio(seedTp, seedRequired.size()), seedTp, seedFp, seedRequired.size() - seedTp));
    List<Scored> heldRequired = required.stream().filter(Scored::heldout).toList();
    long heldTp = heldRequired.stream().filter(s -> s.found() != null).count();
    long heldFp = falsePositives.stream().filter(f -> f.startsWith("[heldout]")).count();
    out.append(String.format("  of which held out (not tuned on): precision %.3f  recall %.3f  "
        + "(tp %d, fp %d, fn %d)%n", ratio(heldTp, heldTp + heldFp),
        ratio(heldTp, heldRequired.size()), heldTp, heldFp, heldRequired.size() - heldTp));
    out.append(String.format("on the %d matched: type %s  status %s  authority %s  "
        + "jurisdiction %s  date %s%n", matched.size(),
        accuracy(matched, "type", c -> c.mention().type()),
        accuracy(matched, "status", c -> c.mention().status()),
        accuracy(matched, "authority", c -> c.mention().authority()),
        accuracy(matched, "jurisdiction", c -> c.mention().jurisdiction()),
        accuracy(matched, "date", c -> c.mention().date())));
    int targetTp = 0;
    int targetFound = 0;
    int targetGold = 0;
    for (Scored s : matched) {
      Set<String> gold = new HashSet<>();
      s.gold().get("targets").forEach(t -> gold.add(t.asText()));
      Set<String> found = new HashSet<>(s.found().mention().targets());
      targetGold += gold.size();
      targetFound += found.size();
      found.retainAll(gold);
      targetTp += found.size();
    }
    out.append(String.format("targets     precision %.3f  recall %.3f%n",
        ratio(targetTp, targetFound), ratio(targetTp, targetGold)));

    // id merging: pairs of matched mentions
    long samePairs = 0;
    long samePairsMerged = 0;
    long idPairs = 0;
    long idPairsSame = 0;
    for (int i = 0; i < matched.size(); i++) {
      for (int j = i + 1; j < matched.size(); j++) {
        boolean sameGroup = matched.get(i).gold().get("group").asText()
            .equals(matched.get(j).gold().get("group").asText());
        boolean sameId = matched.get(i).found().mention().id()
            .equals(matched.get(j).found().mention().id());
        if (sameGroup) {
          samePairs++;
          samePairsMerged += sameId ? 1 : 0;
        }
        if (sameId) {
          idPairs++;
          idPairsSame += sameGroup ? 1 : 0;
        }
      }
    }
    Map<String, Set<String>> idsByGroup = new LinkedHashMap<>();
    matched.forEach(s -> idsByGroup.computeIfAbsent(s.gold().get("group").asText(),
        k -> new HashSet<>()).add(s.found().mention().id()));
    Map<String, Long> reportsByGroup = new HashMap<>();
    matched.forEach(s -> reportsByGroup.merge(s.gold().get("group").asText(), 1L, Long::sum));
    long repeated = reportsByGroup.values().stream().filter(n -> n > 1).count();
    long onOneId = reportsByGroup.entrySet().stream()
        .filter(e -> e.getValue() > 1 && idsByGroup.get(e.getKey()).size() == 1).count();
    out.append(String.format("id merging  pairwise precision %.3f  recall %.3f  (%d/%d pairs); "
        + "actions reported more than once that sit on one id: %d/%d%n",
        ratio(idPairsSame, idPairs), ratio(samePairsMerged, samePairs), samePairsMerged,
        samePairs, onOneId, repeated));
    out.append(String.format("status changes of earlier actions found: %d/%d%n", changesFound,
        changesExpected));

    // the stage's view: merged mentions replayed in publication order
    Map<String, RegulatoryAction> records = new LinkedHashMap<>();
    Map<String, String> alerted = new HashMap<>();
    List<Alert> alerts = new ArrayList<>();
    enrichedArticles.sort(Comparator.comparing(EnrichedArticle::publishedAt));
    for (EnrichedArticle e : enrichedArticles) {
      for (ActionMention m : e.actions()) {
        ActionBook.Outcome o = ActionBook.apply(records.get(m.id()), alerted.get(m.id()),
            new ActionUpdate(e.id(), e.publishedAt(), m));
        if (o.action() != null) {
          records.put(m.id(), o.action());
        }
        if (o.alertedStatus() != null) {
          alerted.put(m.id(), o.alertedStatus());
        }
        if (o.alert() != null) {
          alerts.add(o.alert());
        }
      }
    }
    long groups = scored.stream().filter(s -> !s.gold().path("optional").asBoolean())
        .map(s -> s.gold().get("group").asText()).distinct().count();
    out.append(String.format("replayed through the stage: %d records for %d labelled actions, "
        + "%d alerts (%d NEW, %d STATUS_CHANGE, %d marked background)%n", records.size(), groups,
        alerts.size(), alerts.stream().filter(x -> x.reason().equals(Alert.NEW)).count(),
        alerts.stream().filter(x -> x.reason().equals(Alert.STATUS_CHANGE)).count(),
        alerts.stream().filter(Alert::background).count()));

    out.append("-- missed:\n");
    required.stream().filter(s -> s.found() == null).forEach(s -> out.append("   ")
        .append(s.article()).append(": ").append(s.gold().get("type").asText()).append(" | ")
        .append(s.gold().get("sentence").asText()).append('\n'));
    out.append("-- false positives:\n");
    falsePositives.forEach(f -> out.append("   ").append(f).append('\n'));
    out.append("-- wrong on matched:\n");
    for (Scored s : matched) {
      List<String> wrong = new ArrayList<>();
      check(s, "type", s.found().mention().type(), wrong);
      check(s, "status", s.found().mention().status(), wrong);
      check(s, "authority", s.found().mention().authority(), wrong);
      check(s, "jurisdiction", s.found().mention().jurisdiction(), wrong);
      check(s, "date", s.found().mention().date(), wrong);
      if (!wrong.isEmpty()) {
        out.append("   ").append(s.article()).append(" [").append(s.gold().get("sentence")
            .asText(), 0, Math.min(40, s.gold().get("sentence").asText().length()))
            .append("]: ").append(String.join(", ", wrong)).append('\n');
      }
    }
    out.append("-- ids per action:\n");
    idsByGroup.forEach((g, ids) -> out.append("   ").append(g).append(" -> ").append(ids)
        .append('\n'));
    System.out.println(out);

    // floors, a little under the figures in the README, so a regression fails the build
    assertThat(precision).as("detection precision").isGreaterThanOrEqualTo(FLOOR_PRECISION);
    assertThat(recall).as("detection recall").isGreaterThanOrEqualTo(FLOOR_RECALL);
    assertThat(ratio(idPairsSame, idPairs)).as("id merging precision")
        .isGreaterThanOrEqualTo(FLOOR_MERGE_PRECISION);
  }

  static final double FLOOR_PRECISION = 0.90;
  static final double FLOOR_RECALL = 0.90;
  static final double FLOOR_MERGE_PRECISION = 0.95;

  private static void check(Scored s, String field, String found, List<String> wrong) {
    String gold = s.gold().get(field).isNull() ? null : s.gold().get(field).asText();
    if (!Objects.equals(gold, found)) {
      wrong.add(field + " " + found + " (gold " + gold + ")");
    }
  }

  private static String accuracy(List<Scored> matched, String field,
      java.util.function.Function<ActionDetector.Candidate, String> value) {
    long right = matched.stream().filter(s -> Objects.equals(
        s.gold().get(field).isNull() ? null : s.gold().get(field).asText(),
        value.apply(s.found()))).count();
    return String.format("%.3f", ratio(right, matched.size()));
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static RawArticle raw(JsonNode a, JsonNode manifest) throws Exception {
    if (a.has("seed")) {
      String seed = a.get("seed").asText();
      Path file = CORPUS.resolve(seed);
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      JsonNode meta = manifest.get(seed);
      return new RawArticle(file.getFileName().toString(), file.toUri().toString(),
          meta.get("source").asText(), text.substring(0, nl).trim(), text.substring(nl + 1),
          RawArticle.TEXT_PLAIN, meta.get("publishedAt").asText(), "en");
    }
    return new RawArticle(a.get("id").asText(), null, "eval", a.get("title").asText(),
        a.get("text").asText(), RawArticle.TEXT_PLAIN, a.get("publishedAt").asText(), "en");
  }
}
