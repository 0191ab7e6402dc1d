package io.policywire.cli;

import io.policywire.config.ConfigException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of {@code policywire.jar}: every command is a subcommand. */
@Command(name = "policywire", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Kafka Streams pipeline for tech-policy news.",
    subcommands = {DemoCommand.class, BrokerCommand.class, TopicsCommand.class, AclsCommand.class,
        PipelineCommand.class, ProduceCommand.class, AnnotateCommand.class, BenchCommand.class,
        ReprocessCommand.class, RetractCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand, and errors printed as one clear line. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException) {
        commandLine.getErr().println("policywire: configuration error: " + e.getMessage());
        return 2;
      }
      if (isUserFacing(e)) {
        commandLine.getErr().println("policywire " + commandLine.getCommandName() + ": "
            + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cli;
  }

  /** Errors whose message tells the user what to do; anything else keeps its stack trace. */
  private static boolean isUserFacing(Exception e) {
    return e instanceof IllegalStateException || e instanceof IllegalArgumentException
        || e instanceof UncheckedIOException || e instanceof KafkaException;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
