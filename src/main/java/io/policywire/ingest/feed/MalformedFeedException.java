package io.policywire.ingest.feed;

/** A feed document that is not well-formed RSS or Atom (or declares a DOCTYPE). */
public final class MalformedFeedException extends Exception {

  public MalformedFeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
