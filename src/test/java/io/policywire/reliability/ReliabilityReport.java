package io.policywire.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of {@code docs/reliability.md}, written by the tests that measured them: each test
 * records what it tried and what it counted into {@code target/reliability/<section>.md}.
 * {@code scripts/reliability-report.sh} copies the tables into the docs page.
 */
final class ReliabilityReport {

  static final Path DIR = Path.of("target", "reliability");
  private static final Map<String, List<String>> ROWS = new TreeMap<>();

  private ReliabilityReport() {}

  static synchronized void fault(String fault, ExactlyOnceVerifier.Verdict v) {
    add("faults", "| fault | raw articles | enriched records | missing | duplicated "
            + "| in two stories | open transactions |\n|---|---|---|---|---|---|---|",
        "| " + fault + " | " + v.inputs() + " | " + v.enriched() + " | " + v.missing().size()
            + " | " + v.duplicated().size() + " | " + v.inTwoStories().size() + " | "
            + v.openTransactions().size() + " |");
  }

  static synchronized void badInput(String input, int bytes, String outcome, String detail) {
    add("bad-input", "| bad input | bytes | outcome | reason or result |\n|---|---|---|---|",
        "| " + input + " | " + bytes + " | " + outcome + " | " + detail + " |");
  }

  private static void add(String section, String header, String row) {
    List<String> rows = ROWS.computeIfAbsent(section, s -> new ArrayList<>(List.of(header)));
    rows.add(row);
    try {
      Files.createDirectories(DIR);
      Files.writeString(DIR.resolve(section + ".md"), String.join("\n", rows) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
