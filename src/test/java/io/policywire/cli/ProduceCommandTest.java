package io.policywire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Usage errors of {@code produce}, found before any broker or feed is contacted. */
class ProduceCommandTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int produce(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "produce";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  @Test
  void shouldAskForInputsWhenGivenNone() {
    assertThat(produce()).isEqualTo(2);
    assertThat(err.toString()).contains("give PATHs to publish, - for stdin, or --feed/--feeds");
  }

  @Test
  void shouldRefusePathsMixedWithFeeds() {
    assertThat(produce("--feeds", "x.txt", "a.json")).isEqualTo(2);
    assertThat(err.toString()).contains("either PATHs or --feed/--feeds");
  }

  @Test
  void shouldRefusePollWithoutFeeds() {
    assertThat(produce("--poll", "5m", "a.json")).isEqualTo(2);
    assertThat(err.toString()).contains("--poll needs --feed or --feeds");
  }

  @Test
  void shouldRefuseADurationItCannotRead() {
    assertThat(produce("--feed", "https://a.example/rss", "--poll", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("'soon' is not a duration");
  }

  @Test
  void shouldRefuseAnEmptyFeedsFile() throws Exception {
    Path feeds = Files.writeString(dir.resolve("feeds.txt"), "# nothing yet\n\n");
    assertThat(produce("--feeds", feeds.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no feed URLs in " + feeds);
  }

  @Test
  void shouldDefaultThePageLimitToMaxArticleBytesAndTakeTheUserAgentGiven() {
    ProduceCommand command = new ProduceCommand();
    new CommandLine(command).parseArgs("--feed", "https://a.example/rss",
        "--user-agent", "newsbot/1 (+mailto:ops@example.org)", "--host-interval", "2s");
    var config = io.policywire.config.ConfigLoader.defaults(java.util.Map.of());

    var options = command.fetchOptions(config);

    assertThat(options.maxPageBytes()).isEqualTo(config.maxArticleBytes());
    assertThat(options.userAgent()).isEqualTo("newsbot/1 (+mailto:ops@example.org)");
    assertThat(options.hostInterval()).hasSeconds(2);
    assertThat(options.maxRetries()).isEqualTo(3);
  }
}
