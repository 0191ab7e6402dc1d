package io.policywire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.policywire.config.TopicNames;
import io.policywire.testing.SharedBroker;
import io.policywire.testing.TestTopics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TopicsCommandIT {

  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void shouldCreateOnFirstApplyAndReportNothingToDoOnTheSecond() {
    String[] args = {"topics", "apply", "--bootstrap-servers", SharedBroker.bootstrapServers(),
        "--replication-factor", "1"};
    String prefix = TestTopics.uniquePrefix();
    String[] withPrefix = withConfig(args, prefix);

    assertThat(run(withPrefix)).isZero();
    assertThat(out.toString()).contains("create " + prefix + "news.stories")
        .contains(TopicNames.ALL.size() + " difference(s)");
    out.getBuffer().setLength(0);

    assertThat(run(withPrefix)).isZero();
    assertThat(out.toString()).contains("0 difference(s)").doesNotContain("create");
  }

  @Test
  void shouldExitTwoWhenTheClusterCannotHoldTheReplicationFactor() {
    String[] args = withConfig(new String[] {"topics", "apply", "--bootstrap-servers",
        SharedBroker.bootstrapServers()}, TestTopics.uniquePrefix());

    assertThat(run(args)).isEqualTo(2);
    assertThat(out.toString()).contains("--replication-factor 1");
  }

  @Test
  void shouldChangeNothingInADryRun() {
    String prefix = TestTopics.uniquePrefix();
    String[] args = withConfig(new String[] {"topics", "apply", "--dry-run", "--bootstrap-servers",
        SharedBroker.bootstrapServers(), "--replication-factor", "1"}, prefix);

    assertThat(run(args)).isZero();
    assertThat(out.toString()).contains("would create " + prefix + "news.articles.raw");
    out.getBuffer().setLength(0);
    assertThat(run(args)).isZero();
    assertThat(out.toString()).contains("would create " + prefix + "news.articles.raw");
  }

  private static String[] withConfig(String[] args, String prefix) {
    try {
      Path file = Files.createTempFile("policywire", ".properties");
      Files.writeString(file, "topic.prefix=" + prefix + "\n");
      file.toFile().deleteOnExit();
      String[] all = Arrays.copyOf(args, args.length + 2);
      all[args.length] = "--config";
      all[args.length + 1] = file.toString();
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
