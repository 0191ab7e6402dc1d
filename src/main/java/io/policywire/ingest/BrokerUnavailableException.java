package io.policywire.ingest;

/**
 * Kafka cannot be used at all (unreachable, topic missing, authentication or authorization
 * refused): the whole run stops, unlike a {@link Problem} with one input.
 */
public final class BrokerUnavailableException extends RuntimeException {

  public BrokerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
