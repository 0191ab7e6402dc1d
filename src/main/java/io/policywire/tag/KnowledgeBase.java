package io.policywire.tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The curated entities of tech policy, loaded from tab-separated files: the ones shipped in
 * {@code src/main/resources/io/policywire/tag/kb/}, then any extra files a user names (config
 * {@code kb.extra}), whose rows add entities or replace shipped ones with the same id.
 *
 * <p>Columns: id, name, type, aliases ({@code ;}-separated), jurisdiction, role, wikidata. Lines
 * starting with {@code #} and blank lines are skipped.
 */
public final class KnowledgeBase {

  static final List<String> BUILT_IN = List.of("companies.tsv", "government.tsv", "people.tsv",
      "places.tsv", "laws.tsv", "media.tsv", "ngos.tsv", "products.tsv", "blocks.tsv");
  static final Set<String> TYPES =
      Set.of("ORG", "PERSON", "GOV", "GPE", "MEDIA", "PRODUCT", "LAW", "NGO", KbEntity.BLOCK);
  private static final Pattern ID = Pattern.compile("[a-z]+:[a-z0-9][a-z0-9.&-]*");
  private static final Pattern QID = Pattern.compile("Q[0-9]+");

  private final Map<String, KbEntity> byId;
  private final String version;

  private KnowledgeBase(Map<String, KbEntity> byId) {
    this.byId = byId;
    this.version = versionOf(byId.values());
  }

  /**
   * What the knowledge base holds, hashed (12 hex digits): the same rows, in any file order,
   * give the same version; any change to a row, or a user's extra file, gives another. Lineage
   * headers carry it, so a tag can be traced to the knowledge base that made it.
   */
  private static String versionOf(Collection<KbEntity> entities) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      entities.stream().map(KbEntity::toString).sorted()
          .forEach(row -> digest.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public String version() {
    return version;
  }

  /** The shipped knowledge base alone. */
  public static KnowledgeBase builtIn() {
    return load(List.of());
  }

  /** The shipped knowledge base, then each extra file in order. */
  public static KnowledgeBase load(List<Path> extra) {
    Map<String, KbEntity> byId = new LinkedHashMap<>();
    for (String name : BUILT_IN) {
      try (InputStream in = KnowledgeBase.class.getResourceAsStream("kb/" + name)) {
        if (in == null) {
          throw new IllegalStateException("knowledge base file missing from the jar: kb/" + name);
        }
        read(new InputStreamReader(in, StandardCharsets.UTF_8), "kb/" + name, byId);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (Path file : extra) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        read(in, file.toString(), byId);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read knowledge base file " + file + ": " + e, e);
      }
    }
    // a renamed or merged entity's old rows are gone: only the new id is tagged from now on
    List.copyOf(byId.values()).forEach(e -> e.formerly().forEach(byId::remove));
    return new KnowledgeBase(byId);
  }

  /** A knowledge base of the given entities only, for tests and benchmarks. */
  public static KnowledgeBase of(Collection<KbEntity> entities) {
    Map<String, KbEntity> byId = new LinkedHashMap<>();
    entities.forEach(e -> byId.put(e.id(), e));
    return new KnowledgeBase(byId);
  }

  private static void read(Reader reader, String source, Map<String, KbEntity> byId)
      throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      KbEntity entity = parse(line, source + ":" + number);
      byId.remove(entity.id());
      byId.put(entity.id(), entity);
    }
  }

  static KbEntity parse(String line, String where) {
    String[] f = line.split("\t", -1);
    if (f.length < 3) {
      throw new IllegalArgumentException(where + ": expected at least id, name and type, "
          + "tab-separated; got " + f.length + " field(s)");
    }
    String id = f[0].strip();
    String name = f[1].strip();
    String type = f[2].strip();
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(where + ": id '" + id + "' is not a type-prefixed slug");
    }
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(where + ": unknown type '" + type + "'");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException(where + ": empty name");
    }
    List<String> aliases = new ArrayList<>();
    if (f.length > 3 && !f[3].isBlank()) {
      Arrays.stream(f[3].split(";")).map(String::strip).filter(a -> !a.isEmpty())
          .forEach(aliases::add);
    }
    String wikidata = field(f, 6);
    if (wikidata != null && !QID.matcher(wikidata).matches()) {
      throw new IllegalArgumentException(where + ": wikidata '" + wikidata + "' is not a QID");
    }
    List<String> formerly = new ArrayList<>();
    if (f.length > 7 && !f[7].isBlank()) {
      for (String old : f[7].split(";")) {
        String o = old.strip();
        if (!ID.matcher(o).matches()) {
          throw new IllegalArgumentException(where + ": former id '" + o
              + "' is not a type-prefixed slug");
        }
        formerly.add(o);
      }
    }
    return new KbEntity(id, name, type, aliases, field(f, 4), field(f, 5), wikidata, formerly);
  }

  private static String field(String[] f, int i) {
    return f.length > i && !f[i].isBlank() ? f[i].strip() : null;
  }

  public KbEntity get(String id) {
    return byId.get(id);
  }

  public Collection<KbEntity> entities() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }
}
