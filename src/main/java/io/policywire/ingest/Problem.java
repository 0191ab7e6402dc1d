package io.policywire.ingest;

/**
 * One input that could not be read or published: a file, a {@code file:line} of a JSON-lines
 * input, or an article's url. Problems are reported and counted; they never stop a batch.
 *
 * @param where what failed, as the user would name it (a path, {@code path:line}, a url or id)
 * @param message why, in words
 */
public record Problem(String where, String message) {

  @Override
  public String toString() {
    return where + ": " + message;
  }
}
