package io.policywire.config;

/** A configuration that cannot be used, with a message that says which setting and why. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
