package io.policywire.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Every class of bad input the pipeline must survive, as the bytes a producer could put on
 * {@code news.articles.raw}. Each says whether it must be dead-lettered (and with which reason)
 * or may be enriched once made safe (control characters, markup bombs, regex-hostile text).
 */
final class BadInputs {

  /** What must become of an input. */
  enum Expect { DEAD_LETTER, ENRICHED, EITHER }

  /**
   * @param reason a fragment of the dead letter's {@code __streams.errors.message} header, or of
   *     the exception class, when dead-lettered
   */
  record Case(String key, String description, byte[] value, Expect expect, String reason) {}

  static final int MAX_ARTICLE_BYTES = 1024 * 1024;

  private BadInputs() {}

  static List<Case> all() {
    return List.of(
        new Case("bad-invalid-json", "invalid JSON (cut off)",
            utf8("{\"id\": \"bad-invalid-json\", \"body\": "), Expect.DEAD_LETTER,
            "SerializationException"),
        new Case("bad-wrong-types", "wrong types (body an object, title an array)",
            utf8("{\"id\":\"bad-wrong-types\",\"title\":[\"x\"],\"body\":{\"nested\":1}}"),
            Expect.DEAD_LETTER, "not a valid RawArticle"),
        new Case("bad-missing-body", "missing field: no body",
            utf8("{\"id\":\"bad-missing-body\",\"title\":\"Only a title\"}"),
            Expect.DEAD_LETTER, "has no body"),
        new Case("bad-missing-id", "missing field: no id",
            utf8("{\"title\":\"No id\",\"body\":\"The regulator acted.\"}"),
            Expect.DEAD_LETTER, "id"),
        new Case("bad-empty", "empty value (0 bytes)", new byte[0], Expect.DEAD_LETTER, ""),
        new Case("bad-oversize", "oversize: body 1 byte over max.article.bytes (1 MiB)",
            article("bad-oversize", "Big", "a".repeat(MAX_ARTICLE_BYTES + 1 - "Big".length()),
                "text/plain"), Expect.DEAD_LETTER, "over the limit"),
        new Case("bad-binary", "binary (random bytes)", random(4096), Expect.DEAD_LETTER, ""),
        new Case("bad-latin1", "not UTF-8 (ISO-8859-1 bytes inside a JSON string)",
            latin1("{\"id\":\"bad-latin1\",\"body\":\"Caf\u00e9 owners sue the city\"}"),
            Expect.DEAD_LETTER, ""),
        new Case("bad-deep-json", "JSON nested 5,000 deep", deepJson(5000),
            Expect.DEAD_LETTER, ""),
        new Case("bad-date", "publishedAt not ISO-8601",
            utf8("{\"id\":\"bad-date\",\"body\":\"text\",\"publishedAt\":\"last Tuesday\"}"),
            Expect.DEAD_LETTER, "ISO-8601"),
        new Case("bad-content-type", "unknown contentType",
            utf8("{\"id\":\"bad-content-type\",\"body\":\"x\",\"contentType\":\"application/pdf\"}"),
            Expect.DEAD_LETTER, "contentType"),
        new Case("bad-id-newline", "id with a line break (log injection)",
            utf8("{\"id\":\"evil\\n12:00:00.000 INFO forged line\",\"body\":\"x\"}"),
            Expect.DEAD_LETTER, "id"),
        new Case("bad-html-deep", "HTML bomb: 80,000 nested elements (under the size limit)",
            article("bad-html-deep", "Deep", "<i>".repeat(80_000) + "The agency acted."
                + "</i>".repeat(80_000), "text/html"), Expect.EITHER, ""),
        new Case("bad-html-huge", "HTML over the size limit (100,000 nested elements)",
            article("bad-html-huge", "Huge", "<div>".repeat(100_000) + "The agency acted."
                + "</div>".repeat(100_000), "text/html"), Expect.DEAD_LETTER, "over the limit"),
        new Case("bad-html-entities", "HTML bomb: DOCTYPE with nested and external entities",
            article("bad-html-entities", "Entities", entityBomb(), "text/html"),
            Expect.EITHER, ""),
        new Case("bad-regex", "regex-hostile text: long runs of spaces, dots, zero-widths",
            article("bad-regex", "Runs", regexHostile(), "text/plain"), Expect.EITHER, ""),
        new Case("bad-title-controls", "control and bidi characters in the title",
            article("bad-title-controls", "Regulator\u202e acts\u0000 \u001b[31mred\u001b[0m"
                + "\r\n12:00:00.000 INFO forged\u2066 line", "The regulator acted on Monday.",
                "text/plain"), Expect.ENRICHED, ""));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] article(String id, String title, String body, String contentType) {
    return utf8("{\"id\":" + quote(id) + ",\"title\":" + quote(title) + ",\"body\":" + quote(body)
        + ",\"contentType\":" + quote(contentType) + "}");
  }

  /** A JSON string literal, escaping what JSON requires (and nothing a test wants kept). */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new Random(42).nextBytes(bytes);
    bytes[0] = (byte) 0xff; // never valid UTF-8, never a JSON start
    return bytes;
  }

  private static byte[] deepJson(int depth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("{\"id\":\"bad-deep-json\",\"body\":\"x\",\"extra\":"));
    out.writeBytes(utf8("{\"a\":".repeat(depth)));
    out.writeBytes(utf8("1" + "}".repeat(depth) + "}"));
    return out.toByteArray();
  }

  private static String entityBomb() {
    StringBuilder b = new StringBuilder("<!DOCTYPE html [<!ENTITY lol \"lol\">");
    b.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
    for (int i = 2; i <= 9; i++) {
      b.append("<!ENTITY lol").append(i).append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    b.append("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
    b.append("<html><body><p>The regulator fined the company. &lol9; &xxe;</p></body></html>");
    return b.toString();
  }

  private static String regexHostile() {
    return "The agency" + " ".repeat(100_000) + "acted" + ".".repeat(50_000) + "!"
        + "\u200b \u00a0".repeat(30_000) + "\n".repeat(20_000) + "a".repeat(100_000) + " end";
  }
}
