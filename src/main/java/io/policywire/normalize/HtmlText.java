package io.policywire.normalize;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text and title of an HTML page, with paragraph breaks kept. jsoup never fetches DTDs or
 * resolves external entities, and its parser is linear in the input, whose size normalize has
 * already bounded. Scripts, styles, navigation and forms are dropped; a fuller article
 * extraction (boilerplate scoring) belongs here when it lands.
 */
final class HtmlText {

  private static final String DROPPED = "script, style, noscript, template, nav, form, iframe, svg, "
      + "button, select, head";

  private HtmlText() {}

  record Extracted(String title, String text) {}

  static Extracted extract(String html) {
    Document doc = Jsoup.parse(html);
    String title = title(doc);
    doc.select(DROPPED).remove();
    StringBuilder text = new StringBuilder();
    NodeTraversor.traverse(new BlockText(text), doc.body());
    return new Extracted(title, text.toString());
  }

  private static String title(Document doc) {
    Element og = doc.selectFirst("meta[property=og:title]");
    if (og != null && !og.attr("content").isBlank()) {
      return og.attr("content");
    }
    String title = doc.title();
    return title.isBlank() ? null : title;
  }

  /** Appends text, with a paragraph break around every block element and a line break at br. */
  private record BlockText(StringBuilder out) implements NodeVisitor {
    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        out.append(t.text());
      } else if (node instanceof Element e && e.normalName().equals("br")) {
        out.append('\n');
      } else if (node instanceof Element e && e.isBlock()) {
        out.append("\n\n");
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e && e.isBlock()) {
        out.append("\n\n");
      }
    }
  }
}
