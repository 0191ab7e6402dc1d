package io.policywire.ingest.feed;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response {@link PoliteFetcher} accepted: 200 with its body, or 304 Not Modified.
 *
 * @param uri where the response came from, after redirects
 * @param contentType the {@code Content-Type} header, or null
 * @param etag the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header, or null
 */
public record FetchResponse(
    int status, URI uri, byte[] body, String contentType, String etag, String lastModified) {

  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");

  public boolean notModified() {
    return status == 304;
  }

  /** The media type without parameters, lower case; empty when the server sent none. */
  public String mediaType() {
    if (contentType == null) {
      return "";
    }
    return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  /** The {@code charset} parameter of the content type, when present and known to Java. */
  public Optional<Charset> charset() {
    return contentType == null ? Optional.empty() : charsetIn(contentType);
  }

  static Optional<Charset> charsetIn(String text) {
    Matcher m = CHARSET.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Charset.forName(m.group(1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
