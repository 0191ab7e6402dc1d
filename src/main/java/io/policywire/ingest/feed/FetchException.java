package io.policywire.ingest.feed;

/**
 * A fetch that did not give a usable response, with the reason in words. {@code permanent} says
 * whether asking again later could help: a robots.txt disallow, a 404 or an oversize page will not
 * change, a timeout or a 503 may.
 */
public final class FetchException extends Exception {

  private final boolean permanent;

  public FetchException(String message, boolean permanent) {
    super(message);
    this.permanent = permanent;
  }

  public FetchException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
