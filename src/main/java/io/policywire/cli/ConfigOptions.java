package io.policywire.cli;

import io.policywire.config.ConfigLoader;
import io.policywire.config.PolicywireConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by every command that talks to Kafka: a config file and the bootstrap servers. */
public class ConfigOptions {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Properties file with policywire settings (see README); "
          + "POLICYWIRE_* and KAFKA_* environment variables override it.")
  Path configFile;

  @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,…]",
      description = "Kafka bootstrap servers (default: bootstrap.servers from config, "
          + "else 127.0.0.1:9092).")
  String bootstrapServers;

  /** The configuration from the file and the environment, with the command line on top. */
  public PolicywireConfig load() {
    return load(System.getenv());
  }

  PolicywireConfig load(Map<String, String> env) {
    PolicywireConfig config = ConfigLoader.load(configFile, env);
    return bootstrapServers == null ? config : config.withBootstrapServers(bootstrapServers);
  }
}
