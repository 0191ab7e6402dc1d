package io.policywire.normalize;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the element that holds the article in a page, after the idea of Readability: a paragraph
 * of prose (25+ characters of its own text) scores for its parent and half as much for its
 * grandparent, more for commas and length; a container mostly made of links (menus, lists of
 * other stories) is discounted by its link density. An explicit {@code <article>} or
 * {@code itemprop=articleBody} with enough text wins outright.
 *
 * <p>One pass over the tree and a map per element: linear in the document, whatever its depth,
 * so a hostile page cannot make the scoring quadratic.
 */
final class ArticleRoot {

  private static final int MIN_PARAGRAPH = 25;
  private static final int MIN_EXPLICIT = 200;
  // class or id words of page furniture (Readability's "unlikely candidates", trimmed), removed
  // before scoring unless the same attribute also says article, body, content or main
  // searched for anywhere in the names (no [\\w-]* around them: on a long class attribute that
  // backtracks quadratically per element)
  static final Pattern UNLIKELY = Pattern.compile("(?i)banner|breadcrumb|comment|community|cookie"
      + "|disqus|footer|gdpr|header|menu|newsletter|pager|pagination|popular|popup|promo|related"
      + "|recommend|remark|replies|share|sharing|sidebar|signup|skyscraper|social|sponsor"
      + "|subscribe|trending|widget|advert|ad-slot|ad-container|caption");
  static final Pattern MAYBE = Pattern.compile("(?i)article|body|content|main|story|post-text");

  private ArticleRoot() {}

  static Element find(Document doc) {
    Element body = doc.body();
    Sized explicit = largest(doc, "[itemprop=articleBody], article, [role=main], main");
    if (explicit != null && explicit.length() >= MIN_EXPLICIT) {
      return explicit.element();
    }
    Scores scores = new Scores();
    NodeTraversor.traverse(scores, body);
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, double[]> e : scores.score.entrySet()) {
      int[] text = scores.text.get(e.getKey());
      double linkDensity = text == null || text[0] == 0 ? 0 : (double) text[1] / text[0];
      double s = e.getValue()[0] * (1 - linkDensity);
      if (s > bestScore) {
        bestScore = s;
        best = e.getKey();
      }
    }
    return best == null ? body : best;
  }

  /** An element and the length of its text (which takes a walk of its subtree to measure). */
  private record Sized(Element element, int length) {}

  private static Sized largest(Document doc, String query) {
    Element best = null;
    int bestLength = 0;
    var matches = doc.select(Css.of(query));
    List<Element> measured = new ArrayList<>();
    // the first few only: a page with thousands of nested <article>s stays linear
    for (Element e : matches.subList(0, Math.min(8, matches.size()))) {
      if (inside(e, measured)) {
        continue; // its text is part of one already measured, so never longer
      }
      measured.add(e);
      int length = e.text().length();
      if (length > bestLength) {
        best = e;
        bestLength = length;
      }
    }
    return best == null ? null : new Sized(best, bestLength);
  }

  /** Whether one of the elements is an ancestor of e. */
  private static boolean inside(Element e, List<Element> elements) {
    for (Element up = e.parent(); up != null && !elements.isEmpty(); up = up.parent()) {
      for (Element candidate : elements) {
        if (candidate == up) {
          return true;
        }
      }
    }
    return false;
  }

  /** Per element: total and link text (post-order sums), and the paragraph score it collects. */
  private static final class Scores implements NodeVisitor {
    final Map<Element, int[]> text = new IdentityHashMap<>();
    final Map<Element, double[]> score = new IdentityHashMap<>();
    private final Map<Element, int[]> own = new IdentityHashMap<>();

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t && node.parent() instanceof Element parent) {
        int length = t.text().strip().length();
        own.computeIfAbsent(parent, k -> new int[1])[0] += length;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return;
      }
      int[] mine = text.computeIfAbsent(e, k -> new int[2]);
      int[] ownText = own.remove(e);
      if (ownText != null) {
        mine[0] += ownText[0];
      }
      if (e.normalName().equals("a")) {
        mine[1] = mine[0];
      }
      Element parent = e.parent();
      if (parent != null) {
        int[] up = text.computeIfAbsent(parent, k -> new int[2]);
        up[0] += mine[0];
        up[1] += mine[1];
      }
      if (ownText != null && ownText[0] >= MIN_PARAGRAPH && parent != null) {
        double points = 1 + commas(e) + Math.min(ownText[0] / 100.0, 3);
        score.computeIfAbsent(parent, k -> new double[1])[0] += points;
        Element grand = parent.parent();
        if (grand != null) {
          score.computeIfAbsent(grand, k -> new double[1])[0] += points / 2;
        }
      }
    }

    private static int commas(Element e) {
      int n = 0;
      for (TextNode t : e.textNodes()) {
        String s = t.getWholeText();
        for (int i = 0; i < s.length(); i++) {
          if (s.charAt(i) == ',') {
            n++;
          }
        }
      }
      return n;
    }
  }
}
