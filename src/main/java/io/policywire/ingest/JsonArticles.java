package io.policywire.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.policywire.kafka.Json;
import io.policywire.model.RawArticle;
import java.util.Locale;

/**
 * Raw-article JSON objects, as in a {@code .json} file or one line of {@code .jsonl}. Field names
 * are the contract's; unknown fields are ignored. An article needs a non-blank {@code body}; its
 * {@code url} defaults to where it was read from.
 */
final class JsonArticles {

  private static final ObjectReader TREE = Json.MAPPER.reader();

  private JsonArticles() {}

  static RawArticle parse(String json, String defaultUrl) throws BadInputException {
    if (json.isBlank()) {
      throw new BadInputException("empty (no JSON)");
    }
    RawArticle article = toArticle(objectNode(json));
    if (article.body() == null || article.body().isBlank()) {
      throw new BadInputException("article has no \"body\"");
    }
    if (article.url() == null || article.url().isBlank()) {
      article = withUrl(article, defaultUrl);
    }
    if (article.contentType() == null || article.contentType().isBlank()) {
      article = withContentType(article, RawArticle.TEXT_PLAIN);
    }
    return article;
  }

  private static JsonNode objectNode(String json) throws BadInputException {
    try {
      JsonNode node = TREE.readTree(json);
      if (node == null || !node.isObject()) {
        throw new BadInputException("expected one JSON object (a raw article), found "
            + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadInputException("invalid JSON: " + e.getOriginalMessage() + location(e));
    }
  }

  private static RawArticle toArticle(JsonNode node) throws BadInputException {
    try {
      return Json.MAPPER.treeToValue(node, RawArticle.class);
    } catch (JsonProcessingException e) {
      throw new BadInputException("not a raw article: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("not a raw article: " + e.getMessage());
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static RawArticle withUrl(RawArticle a, String url) {
    return new RawArticle(a.id(), url, a.source(), a.title(), a.body(), a.contentType(),
        a.publishedAt(), a.language());
  }

  private static RawArticle withContentType(RawArticle a, String type) {
    return new RawArticle(a.id(), a.url(), a.source(), a.title(), a.body(), type,
        a.publishedAt(), a.language());
  }
}
