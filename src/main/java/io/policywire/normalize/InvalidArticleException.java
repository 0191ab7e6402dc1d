package io.policywire.normalize;

/**
 * An article the pipeline cannot use, with the reason in words. Thrown by the normalize stage;
 * Kafka Streams' processing-exception handler sends the original record to the dead-letter topic
 * with this message in its headers, and the pipeline goes on.
 */
public class InvalidArticleException extends RuntimeException {
  public InvalidArticleException(String reason) {
    super(reason);
  }
}
