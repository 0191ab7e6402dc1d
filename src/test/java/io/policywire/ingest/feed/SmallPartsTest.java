package io.policywire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durations, feed lists, the host throttle, Retry-After, the state file and the user agent. */
class SmallPartsTest {

  @TempDir Path dir;

  @Test
  void shouldParseSimpleAndIsoDurations() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThatThrownBy(() -> Durations.parse("soon"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e.g. 500ms");
  }

  @Test
  void shouldReadAFeedsFileSkippingCommentsAndBlankLines() throws IOException {
    Path file = dir.resolve("feeds.txt");
    Files.writeString(file, """
        # tech policy
        https://a.example/rss.xml

          https://b.example/atom.xml   # EU desk
        https://a.example/rss.xml
        """);

    List<String> feeds = FeedList.distinct(FeedList.read(file));

    assertThat(feeds).containsExactly("https://a.example/rss.xml", "https://b.example/atom.xml");
  }

  @Test
  void shouldSpaceRequestsToOneHostButNotAcrossHosts() throws InterruptedException {
    AtomicLong now = new AtomicLong(0);
    List<Duration> waits = new ArrayList<>();
    HostThrottle throttle = new HostThrottle(now::get, d -> {
      waits.add(d);
      now.addAndGet(d.toNanos());
    });
    Duration second = Duration.ofSeconds(1);

    throttle.acquire("a.example", second);
    throttle.acquire("b.example", second);
    throttle.acquire("a.example", second);
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    throttle.acquire("a.example", second);

    assertThat(waits).containsExactly(second);
  }

  @Test
  void shouldReadRetryAfterAsSecondsOrHttpDate() {
    assertThat(PoliteFetcher.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
    assertThat(PoliteFetcher.retryAfter(null)).isZero();
    assertThat(PoliteFetcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).as("in the past")
        .isZero();
    assertThat(PoliteFetcher.retryAfter("Fri, 31 Dec 2100 23:59:59 GMT")).isPositive();
    assertThat(PoliteFetcher.retryAfter("whenever")).isZero();
  }

  @Test
  void shouldRoundTripTheStateAndNameACorruptFile() throws IOException {
    FeedStateStore store = new FeedStateStore(dir);
    String url = "https://news.example/rss";
    FeedState state = FeedState.empty(url).withValidators("\"e1\"", "Mon, 02 Mar 2026 08:00:00 GMT")
        .with("k1", new FeedState.Seen("f1", FeedState.Status.PUBLISHED,
            java.time.Instant.parse("2026-03-02T08:00:00Z"), null))
        .with("k2", new FeedState.Seen("f2", FeedState.Status.SKIPPED,
            java.time.Instant.parse("2026-03-02T08:00:01Z"), "HTTP 404"));

    store.save(state);

    assertThat(store.load(url)).isEqualTo(state);
    assertThat(store.load(url).items().keySet()).containsExactly("k1", "k2");
    assertThat(store.load("https://other.example/feed").items()).isEmpty();
    Files.writeString(store.fileFor(url), "{not json");
    assertThatThrownBy(() -> store.load(url)).isInstanceOf(IOException.class)
        .hasMessageContaining(store.fileFor(url).toString()).hasMessageContaining("delete it");
  }

  @Test
  void shouldForgetTheOldestItemsBeyondTheLimit() {
    java.util.Map<String, FeedState.Seen> full = new java.util.LinkedHashMap<>();
    for (int i = 0; i < FeedState.MAX_ITEMS; i++) {
      full.put("k" + i, seen(i));
    }
    FeedState state = new FeedState("https://x.example/rss", null, null, full)
        .with("new1", seen(-1))
        .with("new2", seen(-2));

    assertThat(state.items()).hasSize(FeedState.MAX_ITEMS).doesNotContainKeys("k0", "k1")
        .containsKeys("k2", "new1", "new2");
  }

  private static FeedState.Seen seen(int i) {
    return new FeedState.Seen("f" + i, FeedState.Status.PUBLISHED, java.time.Instant.EPOCH, null);
  }

  @Test
  void shouldNameItselfInTheUserAgentAndMatchRobotsByItsFirstWord() {
    FetchOptions defaults = FetchOptions.defaults("0.1.0");
    assertThat(defaults.userAgent()).isEqualTo("policywire/0.1.0 (news feed reader)");
    assertThat(defaults.robotsToken()).isEqualTo("policywire");
    assertThat(defaults.hostInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.withUserAgent("newsbot/2 (+mailto:ops@example.org)").robotsToken())
        .isEqualTo("newsbot");
  }
}
