package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.bench.WorkloadGenerator;
import io.policywire.ingest.ArticleReader;
import io.policywire.ingest.ReadResult;
import io.policywire.jmh.BenchmarkCorpus;
import io.policywire.model.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Normalize gives, field for field, the output recorded in {@code normalize/golden.tsv}: for
 * every corpus seed (read as {@code produce} reads it, and wrapped in a page), the demo samples,
 * the labelled articles of the extraction harness, the generated articles of
 * {@link NormalizePropertiesTest} and a slice of the {@code bench} workload. Title and text are
 * kept as length and SHA-256 (the corpus text stays in {@code ../shared}); the other fields as
 * they are; a rejected article as its message. Written by the code before the speed-ups of
 * November 2026, so a change of output shows here, one line per article and field.
 *
 * <p>After an intended change of output: {@code mvn -q test -Dtest=NormalizeGoldenTest
 * -Dnormalize.golden=write}, and say why in the commit.
 */
class NormalizeGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/normalize/golden.tsv");
  private static final Path SAMPLES = Path.of("src/main/resources/demo/samples");
  private static final int GENERATED = 400;
  private static final int WORKLOAD = 60;

  private final Normalizer normalizer = new Normalizer(1 << 20);

  @Test
  void shouldGiveTheRecordedOutputForEveryArticle() throws IOException {
    Map<String, String> actual = new LinkedHashMap<>();
    inputs().forEach((key, raw) -> actual.put(key, describe(raw)));
    if ("write".equals(System.getProperty("normalize.golden"))) {
      List<String> lines = new ArrayList<>();
      lines.add("# key\tid\turl\tsource\ttitle (length:sha256)\tpublishedAt\tlanguage"
          + "\ttext (length:sha256)\torigin\tauthor\tcanonicalUrl; or: key\trejected: message");
      actual.forEach((key, value) -> lines.add(key + "\t" + value));
      Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
      if (!line.startsWith("#")) {
        int tab = line.indexOf('\t');
        expected.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    List<String> differences = new ArrayList<>();
    expected.forEach((key, want) -> {
      String got = actual.get(key);
      if (!want.equals(got)) {
        differences.add(key + "\n    was " + want + "\n    now " + got);
      }
    });
    actual.keySet().stream().filter(k -> !expected.containsKey(k))
        .forEach(k -> differences.add(k + ": not in the golden file"));
    assertThat(differences).as("articles whose normalized output changed").isEmpty();
    assertThat(actual).hasSizeGreaterThan(GENERATED);
  }

  /** Every input, by a key that says where it comes from. */
  static Map<String, RawArticle> inputs() {
    Map<String, RawArticle> in = new LinkedHashMap<>();
    List<RawArticle> seeds = read(BenchmarkCorpus.SEEDS);
    seeds.forEach(a -> in.put("seeds/" + fileName(a.url()), a));
    BenchmarkCorpus.asPages(seeds).forEach(a -> in.put("seed-pages/" + fileName(a.url()), a));
    read(SAMPLES).forEach(a -> in.put("demo/" + fileName(a.url()), a));
    LabelledSet.all().forEach(l -> in.put("labelled/" + l.set() + "/" + l.name(), l.raw()));
    for (int seed = 0; seed < GENERATED; seed++) {
      in.put("generated/" + seed, NormalizePropertiesTest.generated(seed));
    }
    WorkloadGenerator workload = new WorkloadGenerator(42);
    for (int i = 0; i < WORKLOAD; i++) {
      RawArticle a = workload.next();
      in.put("workload/" + a.id(), a);
    }
    return in;
  }

  private static List<RawArticle> read(Path dir) {
    ReadResult result = new ArticleReader().readAll(dir);
    if (result.hasProblems() || result.articles().isEmpty()) {
      throw new IllegalStateException("cannot read " + dir.toAbsolutePath() + ": "
          + result.problems());
    }
    return result.articles();
  }

  private String describe(RawArticle raw) {
    NormalizedArticle a;
    try {
      a = normalizer.normalize(raw);
    } catch (InvalidArticleException rejected) {
      return "rejected: " + rejected.getMessage();
    }
    return String.join("\t", a.id(), portable(a.url()), a.source(), digest(a.title()),
        a.publishedAt(), a.language(), digest(a.text()), a.origin(), a.author(),
        a.canonicalUrl());
  }

  /** A file URL without the directory of this checkout, which differs between machines. */
  private static String portable(String url) {
    return url != null && url.startsWith("file:") ? "file:…/" + fileName(url) : url;
  }

  private static String fileName(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static String digest(String s) {
    if (s == null) {
      return null;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return s.length() + ":" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
