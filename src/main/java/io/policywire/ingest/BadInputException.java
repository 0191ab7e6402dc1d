package io.policywire.ingest;

/** An input that cannot become an article; its message says why, without the input's text. */
final class BadInputException extends Exception {

  BadInputException(String message) {
    super(message);
  }
}
