package io.policywire.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Loads {@link PolicywireConfig} in layers: defaults, then a properties file, then the
 * environment. {@code POLICYWIRE_HTTP_PORT} sets {@code http.port}; {@code KAFKA_SASL_MECHANISM}
 * sets the Kafka property {@code sasl.mechanism}. Unknown keys are errors, so a typo never goes
 * unnoticed. The environment is a parameter so the parsing is unit-tested.
 */
public final class ConfigLoader {

  public static final String ENV_PREFIX = "POLICYWIRE_";
  public static final String KAFKA_ENV_PREFIX = "KAFKA_";
  public static final String KAFKA_KEY_PREFIX = "kafka.";

  static final Map<String, String> DEFAULTS = defaults();

  private ConfigLoader() {}

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("bootstrap.servers", "127.0.0.1:9092");
    d.put("application.id", "policywire");
    d.put("topic.prefix", "");
    d.put("processing.guarantee", PolicywireConfig.EXACTLY_ONCE_V2);
    d.put("num.stream.threads", "1");
    d.put("state.dir", Path.of(System.getProperty("java.io.tmpdir"), "policywire", "state").toString());
    d.put("http.host", "127.0.0.1");
    d.put("http.port", "8080");
    d.put("max.article.bytes", String.valueOf(1024 * 1024));
    d.put("dedupe.window", "7d");
    d.put("dedupe.grace", "2d");
    d.put("kb.extra", "");
    d.put("state.memory.mb", String.valueOf(PolicywireConfig.DEFAULT_STATE_MEMORY_MB));
    d.put("log.level", "INFO"); // read by log4j2.xml from POLICYWIRE_LOG_LEVEL
    return Map.copyOf(d);
  }

  /** The settings a file or variable may name, besides {@code kafka.*}. */
  public static Set<String> knownKeys() {
    return DEFAULTS.keySet();
  }

  public static PolicywireConfig load(Path file, Map<String, String> env) {
    Map<String, String> values = new HashMap<>(DEFAULTS);
    if (file != null) {
      values.putAll(readFile(file));
    }
    values.putAll(fromEnv(env));
    return build(values);
  }

  public static PolicywireConfig defaults(Map<String, String> env) {
    return load(null, env);
  }

  static Map<String, String> readFile(Path file) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new HashMap<>();
    for (String key : props.stringPropertyNames()) {
      values.put(checkKey(key, "config file " + file), props.getProperty(key).trim());
    }
    return values;
  }

  static Map<String, String> fromEnv(Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX)) {
        values.put(checkKey(toKey(name.substring(ENV_PREFIX.length())), "variable " + name), value);
      } else if (name.startsWith(KAFKA_ENV_PREFIX) && !isKubernetesServiceLink(name)) {
        values.put(KAFKA_KEY_PREFIX + toKey(name.substring(KAFKA_ENV_PREFIX.length())), value);
      }
    });
    return values;
  }

  /**
   * Kubernetes injects {@code KAFKA_PORT=tcp://…} and {@code KAFKA_SERVICE_HOST} into every pod of
   * a namespace that has a Service called {@code kafka}; they are not client settings.
   */
  private static boolean isKubernetesServiceLink(String name) {
    return name.equals("KAFKA_PORT") || name.startsWith("KAFKA_PORT_")
        || name.startsWith("KAFKA_SERVICE_");
  }

  private static String toKey(String envSuffix) {
    return envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static String checkKey(String key, String where) {
    if (key.startsWith(KAFKA_KEY_PREFIX) || DEFAULTS.containsKey(key)) {
      return key;
    }
    throw new ConfigException("unknown setting '" + key + "' in " + where
        + "; known settings: " + String.join(", ", DEFAULTS.keySet()) + ", kafka.*");
  }

  private static PolicywireConfig build(Map<String, String> v) {
    String guarantee = v.get("processing.guarantee");
    if (!guarantee.equals(PolicywireConfig.EXACTLY_ONCE_V2)
        && !guarantee.equals(PolicywireConfig.AT_LEAST_ONCE)) {
      throw new ConfigException("processing.guarantee must be " + PolicywireConfig.EXACTLY_ONCE_V2
          + " or " + PolicywireConfig.AT_LEAST_ONCE + ", not '" + guarantee + "'");
    }
    Map<String, String> kafka = new HashMap<>();
    v.forEach((key, value) -> {
      if (key.startsWith(KAFKA_KEY_PREFIX)) {
        kafka.put(key.substring(KAFKA_KEY_PREFIX.length()), value);
      }
    });
    return new PolicywireConfig(
        nonBlank(v, "bootstrap.servers"),
        nonBlank(v, "application.id"),
        v.get("topic.prefix"),
        guarantee,
        intIn(v, "num.stream.threads", 1, 64),
        Path.of(nonBlank(v, "state.dir")),
        nonBlank(v, "http.host"),
        intIn(v, "http.port", 0, 65535),
        intIn(v, "max.article.bytes", 1024, 64 * 1024 * 1024),
        kafka,
        duration(v, "dedupe.window"),
        duration(v, "dedupe.grace"),
        paths(v.get("kb.extra")),
        intIn(v, "state.memory.mb", 16, 1024 * 1024));
  }

  /** A comma-separated list of files; each must exist, so a typo fails at start-up. */
  static List<Path> paths(String value) {
    List<Path> out = new ArrayList<>();
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Path p = Path.of(part.trim());
      if (!Files.isRegularFile(p)) {
        throw new ConfigException("kb.extra: no such file " + p);
      }
      out.add(p);
    }
    return out;
  }

  /** {@code 7d}, {@code 36h}, {@code 90m}, or ISO-8601 ({@code P7D}, {@code PT36H}). */
  static Duration duration(Map<String, String> v, String key) {
    String value = v.get(key).trim();
    try {
      Duration d;
      if (value.matches("\\d+[dhm]")) {
        long n = Long.parseLong(value.substring(0, value.length() - 1));
        d = switch (value.charAt(value.length() - 1)) {
          case 'd' -> Duration.ofDays(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofMinutes(n);
        };
      } else {
        d = Duration.parse(value);
      }
      if (d.isNegative()) {
        throw new ConfigException(key + " must not be negative, not '" + value + "'");
      }
      return d;
    } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
      throw new ConfigException(key + " must be a duration such as 7d, 36h, 90m or P7D, not '"
          + value + "'", e);
    }
  }

  private static String nonBlank(Map<String, String> v, String key) {
    String value = v.get(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException(key + " must not be empty");
    }
    return value.trim();
  }

  private static int intIn(Map<String, String> v, String key, int min, int max) {
    String value = v.get(key).trim();
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new ConfigException(key + " must be between " + min + " and " + max + ", not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, not '" + value + "'", e);
    }
  }
}
