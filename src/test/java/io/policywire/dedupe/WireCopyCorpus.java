package io.policywire.dedupe;

import io.policywire.model.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A labelled set of wire copies for the evaluation harness, the scaling test and the benchmark.
 * Base articles: the shared corpus seeds (read in place from {@code ../shared/corpus/seeds}),
 * the demo samples and the articles in {@code src/test/resources/dedupe/}, all of it our own
 * writing except the seeds. Each base gets one copy per transformation, alone and combined; each
 * follow-up quotes two paragraphs of a base and is its own story. Deterministic for a seed.
 */
public final class WireCopyCorpus {

  public static final Path SEEDS = Path.of("../shared/corpus/seeds");
  private static final String[] SAMPLES = {"01-tiktok-divestiture-law.txt",
      "03-eu-fines-apple-music-streaming.txt", "04-us-ai-chip-export-controls.txt",
      "05-eu-ai-act-in-force.txt", "06-doj-sues-apple-monopoly.txt",
      "07-japan-smartphone-act.txt", "08-esafety-x-takedown.txt"};
  private static final String[] OWN = {"h1-a-ftc-sues-to-block-game-deal.txt",
      "h1-b-ftc-drops-game-deal-case.txt", "h2-a-eu-fines-meta-data-transfers.txt",
      "h2-b-eu-meta-pay-or-consent.txt", "h3-a-cma-google-adtech-probe.txt",
      "h3-b-cma-privacy-sandbox.txt", "h4-a-ofac-chip-sanctions.txt",
      "h4-b-chip-export-rules-eased.txt"};
  /** Follow-up file, and the base whose paragraphs 2 and 3 it quotes. */
  public static final Map<String, String> FOLLOW_UPS = Map.of(
      "followup-meta-appeal.txt", "h2-a-eu-fines-meta-data-transfers.txt",
      "followup-game-deal-ruling.txt", "h1-a-ftc-sues-to-block-game-deal.txt",
      "followup-chip-blacklist-reaction.txt", "h4-a-ofac-chip-sanctions.txt");

  private static final Instant T0 = Instant.parse("2024-06-03T06:00:00Z");
  private static final String[] DATELINES = {"PARIS (AFP) — ", "WASHINGTON, June 3 (Reuters) - ",
      "BRUSSELS — ", "LONDON (AP) — ", "SAN FRANCISCO, June 4 — "};
  private static final String[] BOILER_TOP = {"Advertisement",
      "Sign up for our newsletter to get the week's policy news in your inbox.",
      "Listen to this article. 4 min"};
  private static final String[] BOILER_BOTTOM = {
      "This story was originally published by a news agency and is republished with permission.",
      "Follow us on Twitter, Facebook and LinkedIn for more updates.",
      "Copyright 2024. All rights reserved. This material may not be redistributed.",
      "Read more: the week in tech policy, and what comes next."};
  private static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("said", "stated"), Map.entry("company", "firm"), Map.entry("on", "on"),
      Map.entry("government", "administration"), Map.entry("would", "will"),
      Map.entry("law", "legislation"), Map.entry("also", "additionally"),
      Map.entry("about", "around"), Map.entry("after", "following"), Map.entry("but", "though"));

  /** One article of the set: its story (group) and how it was made. */
  public record Labeled(RawArticle raw, String group, String transform) {}

  /** A base article: its name, title and paragraphs. */
  public record Base(String name, String title, List<String> paragraphs) {}

  /** The transformations, by name; each makes a copy of a base. */
  public static final Map<String, BiFunction<Base, Random, Copy>> TRANSFORMS = transforms();

  /** A copy before it is published: title, body and content type. */
  public record Copy(String title, String body, String contentType) {}

  private WireCopyCorpus() {}

  public static List<Base> bases() {
    List<Base> bases = new ArrayList<>();
    try (Stream<Path> files = Files.list(SEEDS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        bases.add(parse("seed-" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SEEDS.toAbsolutePath(), e);
    }
    for (String s : SAMPLES) {
      bases.add(parse("sample-" + s, resource("/demo/samples/" + s)));
    }
    for (String s : OWN) {
      bases.add(parse(s, resource("/dedupe/" + s)));
    }
    return bases;
  }

  /** Every base with every copy, and the follow-ups, in a shuffled processing order. */
  public static List<Labeled> build(long seed) {
    Random random = new Random(seed);
    List<Base> bases = bases();
    List<Labeled> out = new ArrayList<>();
    Map<String, Base> byName = new LinkedHashMap<>();
    for (int i = 0; i < bases.size(); i++) {
      Base base = bases.get(i);
      byName.put(base.name(), base);
      Instant published = T0.plus(Duration.ofHours(3L * i));
      out.add(new Labeled(raw(base.name() + "#original", "Origin " + i, base.title(),
          String.join("\n\n", base.paragraphs()), RawArticle.TEXT_PLAIN, published),
          base.name(), "original"));
      int n = 1;
      for (var t : TRANSFORMS.entrySet()) {
        Copy copy = t.getValue().apply(base, random);
        out.add(new Labeled(raw(base.name() + "#" + t.getKey(), "Outlet " + (n % 7),
            copy.title(), copy.body(), copy.contentType(),
            published.plus(Duration.ofMinutes(10L * n++))), base.name(), t.getKey()));
      }
    }
    int f = 0;
    for (var e : FOLLOW_UPS.entrySet()) {
      Base follow = parse(e.getKey(), resource("/dedupe/" + e.getKey()));
      List<String> quoted = byName.get(e.getValue()).paragraphs().subList(1, 3);
      List<String> paragraphs = new ArrayList<>();
      for (String p : follow.paragraphs()) {
        if (p.equals("{{QUOTE}}")) {
          paragraphs.addAll(quoted);
        } else {
          paragraphs.add(p);
        }
      }
      out.add(new Labeled(raw(e.getKey(), "Follow-up desk", follow.title(),
          String.join("\n\n", paragraphs), RawArticle.TEXT_PLAIN,
          T0.plus(Duration.ofHours(20 + f++))), e.getKey(), "follow-up"));
    }
    Collections.shuffle(out, random);
    return out;
  }

  private static RawArticle raw(String id, String source, String title, String body,
      String contentType, Instant publishedAt) {
    return new RawArticle(id, "test:" + id, source, title, body, contentType,
        publishedAt.toString(), "en");
  }

  private static Map<String, BiFunction<Base, Random, Copy>> transforms() {
    Map<String, BiFunction<Base, Random, Copy>> t = new LinkedHashMap<>();
    t.put("headline", (b, r) -> plain(newHeadline(b.title(), r), b.paragraphs()));
    t.put("dateline", (b, r) -> plain(b.title(), dateline(b.paragraphs(), r)));
    t.put("truncated", (b, r) -> plain(b.title(), truncate(b.paragraphs(), r)));
    t.put("boilerplate", (b, r) -> plain(b.title(), boilerplate(b.paragraphs(), r)));
    t.put("copy-edits", (b, r) -> plain(b.title(), edit(b.paragraphs(), r)));
    t.put("html", (b, r) -> html(b.title(), b.paragraphs()));
    t.put("dateline+truncated", (b, r) -> plain(newHeadline(b.title(), r),
        truncate(dateline(b.paragraphs(), r), r)));
    t.put("boilerplate+copy-edits", (b, r) -> plain(b.title(),
        boilerplate(edit(b.paragraphs(), r), r)));
    t.put("all", (b, r) -> html(newHeadline(b.title(), r),
        boilerplate(edit(truncate(dateline(b.paragraphs(), r), r), r), r)));
    return Collections.unmodifiableMap(t);
  }

  private static Copy plain(String title, List<String> paragraphs) {
    return new Copy(title, String.join("\n\n", paragraphs), RawArticle.TEXT_PLAIN);
  }

  private static Copy html(String title, List<String> paragraphs) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>")
        .append(escape(title)).append(" | Example News</title></head><body>")
        .append("<header><nav><a href='/'>Home</a> | <a href='/tech'>Tech</a></nav></header>")
        .append("<article><h1>").append(escape(title)).append("</h1>");
    for (String p : paragraphs) {
      html.append("<p>").append(escape(p)).append("</p>\n");
    }
    html.append("</article><footer>Example News · About · Contact</footer></body></html>");
    return new Copy(title, html.toString(), RawArticle.TEXT_HTML);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String newHeadline(String title, Random r) {
    List<String> words = new ArrayList<>(Arrays.asList(title.split(" ")));
    Collections.shuffle(words, r);
    return "What we know: " + String.join(" ", words.subList(0, Math.min(6, words.size())));
  }

  private static List<String> dateline(List<String> paragraphs, Random r) {
    List<String> out = new ArrayList<>(paragraphs);
    out.set(0, DATELINES[r.nextInt(DATELINES.length)] + out.get(0));
    return out;
  }

  /** Keeps 45 to 70 percent of the words, cut at a word, the paragraphs kept. */
  private static List<String> truncate(List<String> paragraphs, Random r) {
    int total = paragraphs.stream().mapToInt(p -> p.split("\\s+").length).sum();
    int keep = (int) (total * (0.45 + 0.25 * r.nextDouble()));
    List<String> out = new ArrayList<>();
    for (String p : paragraphs) {
      String[] words = p.split("\\s+");
      if (keep <= 0) {
        break;
      }
      out.add(String.join(" ", Arrays.copyOf(words, Math.min(keep, words.length))));
      keep -= words.length;
    }
    return out;
  }

  private static List<String> boilerplate(List<String> paragraphs, Random r) {
    List<String> out = new ArrayList<>();
    out.add(BOILER_TOP[r.nextInt(BOILER_TOP.length)]);
    out.addAll(paragraphs);
    out.add(BOILER_BOTTOM[r.nextInt(BOILER_BOTTOM.length)]);
    out.add(BOILER_BOTTOM[r.nextInt(BOILER_BOTTOM.length)]);
    return out;
  }

  /** About three edits per hundred words: a synonym, a dropped word, or an inserted one. */
  private static List<String> edit(List<String> paragraphs, Random r) {
    List<String> out = new ArrayList<>();
    for (String p : paragraphs) {
      List<String> words = new ArrayList<>(Arrays.asList(p.split(" ")));
      int edits = Math.max(1, words.size() * 3 / 100);
      for (int e = 0; e < edits && words.size() > 3; e++) {
        int i = r.nextInt(words.size());
        String synonym = SYNONYMS.get(words.get(i));
        int kind = r.nextInt(3);
        if (synonym != null) {
          words.set(i, synonym);
        } else if (kind == 0) {
          words.remove(i);
        } else if (kind == 1) {
          words.add(i, r.nextBoolean() ? "reportedly" : "also");
        } else {
          words.set(i, words.get(i).toUpperCase().equals(words.get(i)) ? "it" : "the");
        }
      }
      out.add(String.join(" ", words));
    }
    return out;
  }

  private static Base parse(String name, String content) {
    String text = content.replace("\r\n", "\n");
    int newline = text.indexOf('\n');
    List<String> paragraphs = Arrays.stream(text.substring(newline + 1).split("\\n\\s*\\n"))
        .map(String::strip).filter(p -> !p.isEmpty()).toList();
    return new Base(name, text.substring(0, newline).strip(), paragraphs);
  }

  private static String resource(String path) {
    try (InputStream in = WireCopyCorpus.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
