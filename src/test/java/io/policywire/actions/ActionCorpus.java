package io.policywire.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.policywire.bench.WorkloadGenerator;
import io.policywire.kafka.Json;
import io.policywire.model.EntityMention;
import io.policywire.model.RawArticle;
import io.policywire.normalize.InvalidArticleException;
import io.policywire.normalize.NormalizedArticle;
import io.policywire.normalize.Normalizer;
import io.policywire.tag.EntityTagger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every article text the project can read, normalized and tagged as the pipeline would, for the
 * detector's golden-output test and its benchmark: the corpus seeds, the demo samples, the
 * labelled texts of the action, entity, stance, dedupe and normalize harnesses, and the first
 * articles of the bench workload. Texts stay where they are; nothing is copied.
 */
public final class ActionCorpus {

  /** One article as the detector receives it. */
  public record Input(String id, String text, List<EntityMention> entities,
      String publishedAt) {}

  private static final Path CORPUS = Path.of("../shared/corpus");
  private static final Path TEST = Path.of("src/test/resources");
  private static final Path DEMO = Path.of("src/main/resources/demo/samples");
  /** Texts without a date of their own are read as published on this day. */
  private static final String DEFAULT_DATE = "2024-06-15T12:00:00Z";
  private static final int BENCH_ARTICLES = 60;

  private final Normalizer normalizer = new Normalizer(1 << 20);
  private final EntityTagger tagger;
  private final List<Input> inputs = new ArrayList<>();

  private ActionCorpus(EntityTagger tagger) {
    this.tagger = tagger;
  }

  /** Every source, in a fixed order. */
  public static List<Input> all(EntityTagger tagger) {
    List<Input> all = new ArrayList<>(texts(tagger));
    all.addAll(bench(tagger));
    return all;
  }

  /** Every text but the bench workload's: real articles and ones written for the harnesses. */
  public static List<Input> texts(EntityTagger tagger) {
    ActionCorpus c = new ActionCorpus(tagger);
    c.seeds();
    c.demo();
    c.evalArticles();
    c.plainFiles(List.of("dedupe", "normalize/scraped", "normalize/heldout",
        "normalize/heldout2"));
    c.htmlFiles(List.of("normalize/pages", "normalize/heldout2", "feeds"));
    c.labelled("entities/labelled.txt");
    c.labelled("entities/heldout.txt");
    for (String f : List.of("cases", "heldout", "blind", "blind2", "blind3", "blind4",
        "blind5")) {
      c.stanceCases("stance/" + f + ".txt");
    }
    return c.inputs;
  }

  /** The corpus seeds alone, the texts the pipeline's real inputs look like. */
  public static List<Input> seeds(EntityTagger tagger) {
    ActionCorpus c = new ActionCorpus(tagger);
    c.seeds();
    return c.inputs;
  }

  /** The bench workload's articles alone, the texts the end-to-end figures are quoted on. */
  public static List<Input> bench(EntityTagger tagger) {
    ActionCorpus c = new ActionCorpus(tagger);
    c.bench();
    return c.inputs;
  }

  private void seeds() {
    JsonNode manifest = json(CORPUS.resolve("manifest.json"));
    for (Path f : files(CORPUS.resolve("seeds"), ".txt")) {
      String seed = "seeds/" + f.getFileName();
      plain(f, manifest.get(seed).get("publishedAt").asText());
    }
  }

  private void demo() {
    JsonNode manifest = json(DEMO.resolve("manifest.json"));
    for (Path f : files(DEMO, ".txt")) {
      plain(f, manifest.get(f.getFileName().toString()).get("publishedAt").asText());
    }
  }

  private void evalArticles() {
    for (JsonNode a : json(TEST.resolve("actions/eval.json")).get("articles")) {
      if (!a.has("seed")) {
        add(new RawArticle(a.get("id").asText(), null, "eval", a.get("title").asText(),
            a.get("text").asText(), RawArticle.TEXT_PLAIN, a.get("publishedAt").asText(), "en"));
      }
    }
  }

  private void plainFiles(List<String> dirs) {
    dirs.forEach(d -> files(TEST.resolve(d), ".txt").forEach(f -> plain(f, DEFAULT_DATE)));
  }

  private void htmlFiles(List<String> dirs) {
    for (String d : dirs) {
      for (Path f : files(TEST.resolve(d), ".html")) {
        add(new RawArticle(d + "/" + f.getFileName(), null, "test", "Test page", read(f),
            RawArticle.TEXT_HTML, DEFAULT_DATE, null));
      }
    }
  }

  /** "=== id", header lines, a blank line, then the text up to the next "===". */
  private void labelled(String file) {
    for (String section : read(TEST.resolve(file)).split("(?m)^=== ")) {
      int blank = section.indexOf("\n\n");
      if (!section.startsWith("#") && blank > 0) {
        String id = section.substring(0, section.indexOf('\n')).trim();
        String title = section.lines().filter(l -> l.startsWith("title:")).findFirst()
            .map(l -> l.substring(6).trim()).orElse("");
        add(new RawArticle(id, null, "test", title, section.substring(blank + 2),
            RawArticle.TEXT_PLAIN, DEFAULT_DATE, "en"));
      }
    }
  }

  /** Each case's "> " paragraphs, entity markup "[surface](id)" reduced to the surface. */
  private void stanceCases(String file) {
    List<String> paragraphs = new ArrayList<>();
    int n = 0;
    for (String line : (read(TEST.resolve(file)) + "\n\n").lines().toList()) {
      if (line.startsWith("> ")) {
        paragraphs.add(line.substring(2).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"));
      } else if (!paragraphs.isEmpty()) {
        add(new RawArticle(file + "#" + n++, null, "test", "Stance case",
            String.join("\n\n", paragraphs), RawArticle.TEXT_PLAIN, DEFAULT_DATE, "en"));
        paragraphs.clear();
      }
    }
  }

  private void bench() {
    WorkloadGenerator generator = new WorkloadGenerator(42);
    for (int i = 0; i < BENCH_ARTICLES; i++) {
      add(generator.next());
    }
  }

  /** A text file: first line the headline, the rest the body. */
  private void plain(Path f, String publishedAt) {
    String content = read(f);
    int nl = content.indexOf('\n');
    add(new RawArticle(f.getFileName().toString(), null, "test", content.substring(0, nl).trim(),
        content.substring(nl + 1), RawArticle.TEXT_PLAIN, publishedAt, "en"));
  }

  private void add(RawArticle raw) {
    NormalizedArticle a;
    try {
      a = normalizer.normalize(raw);
    } catch (InvalidArticleException e) {
      return; // not an article the pipeline would pass on
    }
    inputs.add(new Input(raw.id(), a.text(), tagger.tag(a.title(), a.text(), a.origin()),
        a.publishedAt()));
  }

  private static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(Path f) {
    try {
      return Json.MAPPER.readTree(f.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
