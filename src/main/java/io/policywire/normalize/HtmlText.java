package io.policywire.normalize;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * The article of an HTML page: its metadata, then the text of the element that holds the story
 * ({@link ArticleRoot}), with paragraph breaks kept and page furniture (scripts, navigation,
 * forms, share bars, captions, related-story lists) left out.
 *
 * <p>Safe on hostile pages: jsoup's HTML parser never fetches a DTD and knows only HTML's own
 * named entities, so a DOCTYPE's internal subset or external entity is inert text; the tree is
 * at most {@link #MAX_DEPTH} deep (deeper elements are closed and become siblings), and every
 * walk over it is iterative and linear, so time and memory follow the input size, which
 * {@link Normalizer} has already capped.
 */
final class HtmlText {

  static final int MAX_DEPTH = 256;
  private static final String DROPPED = "script, style, noscript, template, nav, form, iframe, svg, "
      + "button, select, head, header, footer, aside, figure, figcaption, dialog, object, embed, "
      + "canvas, video, audio, [hidden], [aria-hidden=true], [role=navigation], [role=banner], "
      + "[role=contentinfo], [role=complementary]";

  private HtmlText() {}

  record Extracted(String title, String text, HtmlMetadata metadata) {}

  static Extracted extract(String html) {
    Parser parser = Parser.htmlParser().setTrackErrors(0).setMaxDepth(MAX_DEPTH);
    Document doc = parser.parseInput(html, "");
    HtmlMetadata metadata = HtmlMetadata.of(doc);
    doc.select(Css.of(DROPPED)).remove();
    removeFurniture(doc);
    Element root = ArticleRoot.find(doc);
    StringBuilder text = new StringBuilder();
    NodeTraversor.filter(new BlockText(text), root);
    return new Extracted(metadata.title(), text.toString(), metadata);
  }

  /** Elements whose class or id names furniture, unless it also names the article itself. */
  private static void removeFurniture(Document doc) {
    List<Element> furniture = new ArrayList<>();
    for (Element e : doc.body().getAllElements()) {
      String names = e.className() + " " + e.id();
      if (names.length() > 1 && names.length() < 500 && ArticleRoot.UNLIKELY.matcher(names).find()
          && !ArticleRoot.MAYBE.matcher(names).find() && e != doc.body()) {
        furniture.add(e);
      }
    }
    furniture.forEach(Element::remove);
  }

  /**
   * Appends text, with a paragraph break around every block element and a line break at br.
   * A list made mostly of links (other stories, tags, share buttons) is skipped whole; only
   * outermost lists are measured, so the measuring stays linear.
   */
  private static final class BlockText implements NodeFilter {
    private final StringBuilder out;
    private int listDepth;

    BlockText(StringBuilder out) {
      this.out = out;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        out.append(t.text());
      } else if (node instanceof Element e) {
        if (isList(e)) {
          if (listDepth == 0 && mostlyLinks(e)) {
            return FilterResult.SKIP_ENTIRELY;
          }
          listDepth++;
        }
        if (e.normalName().equals("br")) {
          out.append('\n');
        } else if (e.isBlock()) {
          out.append("\n\n");
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e) {
        if (isList(e)) {
          listDepth--;
        }
        if (e.isBlock()) {
          out.append("\n\n");
        }
      }
      return FilterResult.CONTINUE;
    }

    private static boolean isList(Element e) {
      return e.normalName().equals("ul") || e.normalName().equals("ol");
    }

    private static boolean mostlyLinks(Element list) {
      int all = list.text().length();
      int links = 0;
      for (Element a : list.select(Css.of("a"))) {
        links += a.text().length();
      }
      return all > 0 && links * 2 > all;
    }
  }
}
