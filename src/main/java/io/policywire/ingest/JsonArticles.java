package io.policywire.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.policywire.kafka.Json;
import io.policywire.model.RawArticle;

/**
 * Raw-article JSON objects, as in a {@code .json} file or one line of {@code .jsonl}. Field names
 * are the contract's; unknown fields are ignored. An article needs a non-blank {@code body}; its
 * {@code url} defaults to where it was read from.
 */
final class JsonArticles {

  private static final ObjectReader READER = Json.MAPPER.readerFor(RawArticle.class)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonArticles() {}

  static RawArticle parse(String json, String defaultUrl) throws BadInputException {
    if (json.isBlank()) {
      throw new BadInputException("empty (no JSON)");
    }
    RawArticle article = toArticle(json);
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

  private static RawArticle toArticle(String json) throws BadInputException {
    if (json.strip().charAt(0) != '{') {
      throw new BadInputException("expected one JSON object (a raw article), found "
          + describe(json.strip().charAt(0)));
    }
    try {
      return READER.readValue(json);
    } catch (MismatchedInputException e) {
      throw new BadInputException("not a raw article: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new BadInputException("invalid JSON: " + e.getOriginalMessage() + location(e));
    }
  }

  private static String describe(char first) {
    return switch (first) {
      case '[' -> "an array (put one article per line in a .jsonl file)";
      case '"' -> "a string";
      default -> "'" + first + "'";
    };
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
