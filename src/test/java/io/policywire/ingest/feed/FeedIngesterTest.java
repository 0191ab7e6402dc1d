package io.policywire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.policywire.ingest.ArticleSink;
import io.policywire.ingest.Problem;
import io.policywire.model.RawArticle;
import io.policywire.testing.FixtureHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feed ingestion against fixtures served on 127.0.0.1, into an in-memory sink. Backoff waits are
 * recorded, not slept; timeouts are a few hundred milliseconds.
 */
class FeedIngesterTest {

  private static final String RSS = "application/rss+xml; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";

  @TempDir Path stateDir;

  private FixtureHttpServer server;
  private PoliteFetcher fetcher;
  private final List<RawArticle> published = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Duration> backoffs = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new FixtureHttpServer();
    for (int i = 1; i <= 4; i++) {
      server.fixture("/articles/" + i + ".html", "article-" + i + ".html", HTML);
    }
    fetcher = fetcher(options());
  }

  @AfterEach
  void stop() {
    fetcher.close();
    server.close();
  }

  private static FetchOptions options() {
    return FetchOptions.defaults("test")
        .withHostInterval(Duration.ZERO)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
        .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(60))
        .withMaxBytes(1024 * 1024, 64 * 1024);
  }

  private PoliteFetcher fetcher(FetchOptions options) {
    return new PoliteFetcher(options, new HostThrottle(System::nanoTime, d -> { }), backoffs::add);
  }

  private FeedIngester ingester() {
    return ingester(FeedSink.of(new ArticleSink() {
      @Override
      public void article(RawArticle article) {
        published.add(article);
      }

      @Override
      public void problem(Problem problem) {
        problems.add(problem);
      }
    }));
  }

  private FeedIngester ingester(FeedSink sink) {
    return new FeedIngester(fetcher, new FeedStateStore(stateDir), sink, () -> false);
  }

  private List<String> titles() {
    return published.stream().map(RawArticle::title).toList();
  }

  @Test
  void shouldPublishEachItemsPageWithTheFeedsMetadataOldestFirst() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);

    FeedOutcome outcome = ingester().poll(server.url("/rss.xml"));

    assertThat(outcome.clean()).isTrue();
    assertThat(outcome.published()).isEqualTo(3);
    assertThat(problems).isEmpty();
    assertThat(titles()).containsExactly("Data protection board fines a messaging service",
        "Parliament committee questions app store fees",
        "Regulator opens review of cloud gaming deal");
    RawArticle third = published.get(2);
    assertThat(third.url()).isEqualTo(server.url("/articles/3.html"));
    assertThat(third.source()).isEqualTo("Policy Desk");
    assertThat(third.contentType()).isEqualTo(RawArticle.TEXT_HTML);
    assertThat(third.body()).contains("<h1>Regulator opens review of cloud gaming deal</h1>");
    assertThat(third.publishedAt()).isEqualTo("2026-03-04T09:30:00Z");
    assertThat(third.author()).isEqualTo("Ana Ruiz");
    assertThat(third.language()).isEqualTo("en-gb");
    assertThat(published.get(1).publishedAt()).isEqualTo("2026-03-03T13:00:00Z");
    assertThat(published).extracting(RawArticle::id).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("f[0-9a-f]{16}"));
  }

  @Test
  void shouldSendAClearUserAgentToFeedsPagesAndRobotsTxt() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);

    ingester().poll(server.url("/rss.xml"));

    assertThat(server.requests()).isNotEmpty().allSatisfy(r ->
        assertThat(r.header("User-Agent")).startsWith("policywire/test "));
    assertThat(server.requests("/robots.txt")).as("robots.txt asked once per host").hasSize(1);
  }

  @Test
  void shouldGiveTheSameIdsWhenAnotherStateDirPublishesTheSameItems() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    ingester().poll(server.url("/rss.xml"));
    List<String> first = published.stream().map(RawArticle::id).toList();
    published.clear();

    new FeedIngester(fetcher, new FeedStateStore(stateDir.resolve("other")),
        FeedSink.of(sinkInto(published)), () -> false).poll(server.url("/rss.xml"));

    assertThat(published).extracting(RawArticle::id).containsExactlyElementsOf(first);
  }

  @Test
  void shouldParseAtomAndResolveRelativeLinks() throws Exception {
    server.fixture("/atom.xml", "atom.xml", "application/atom+xml");
    server.fixture("/articles/fr-1.html", "article-fr.html", HTML);
    server.fixture("/articles/fr-2.html", "article-fr.html", HTML);

    FeedOutcome outcome = ingester().poll(server.url("/atom.xml"));

    assertThat(outcome.published()).isEqualTo(2);
    assertThat(published).extracting(RawArticle::url).containsExactlyInAnyOrder(
        server.url("/articles/fr-1.html"), server.url("/articles/fr-2.html"));
    RawArticle first = published.stream().filter(a -> a.url().endsWith("fr-1.html")).findFirst()
        .orElseThrow();
    assertThat(first.source()).isEqualTo("Observatoire du numérique");
    assertThat(first.author()).isEqualTo("Claire Martin");
    assertThat(first.publishedAt()).isEqualTo("2026-03-06T08:00:00Z");
    assertThat(published).filteredOn(a -> a.url().endsWith("fr-2.html"))
        .extracting(RawArticle::publishedAt).containsExactly("2026-03-05T18:30:00Z");
  }

  @Test
  void shouldDecodeAPageInTheCharsetItsMetaTagNames() throws Exception {
    server.fixture("/atom.xml", "atom.xml", "application/atom+xml");
    byte[] latin1 = server.fixtureText("article-fr.html").getBytes(StandardCharsets.ISO_8859_1);
    server.on("/articles/fr-1.html", ex -> FixtureHttpServer.send(ex, 200, "text/html", latin1));
    server.on("/articles/fr-2.html", ex -> FixtureHttpServer.send(ex, 200, "text/html", latin1));

    ingester().poll(server.url("/atom.xml"));

    assertThat(published).hasSize(2)
        .allSatisfy(a -> assertThat(a.body()).contains("enquête préliminaire"));
  }

  @Test
  void shouldAskConditionallyAndPublishNothingWhenTheFeedIsUnchanged() throws Exception {
    server.withEtag("/rss.xml", "rss.xml", RSS, "\"v1\"");
    FeedIngester ingester = ingester();
    ingester.poll(server.url("/rss.xml"));
    published.clear();

    FeedOutcome second = ingester.poll(server.url("/rss.xml"));

    assertThat(second.notModified()).isTrue();
    assertThat(second.clean()).isTrue();
    assertThat(published).isEmpty();
    assertThat(server.requests("/rss.xml")).extracting(r -> r.header("If-None-Match"))
        .containsExactly(null, "\"v1\"");
  }

  @Test
  void shouldSendIfModifiedSinceWhenTheFeedGaveLastModified() throws Exception {
    String feed = server.fixtureText("rss.xml");
    String lastModified = "Wed, 04 Mar 2026 10:00:00 GMT";
    server.on("/rss.xml", ex -> {
      if (lastModified.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      ex.getResponseHeaders().set("Last-Modified", lastModified);
      FixtureHttpServer.send(ex, 200, RSS, feed.getBytes(StandardCharsets.UTF_8));
    });
    ingester().poll(server.url("/rss.xml"));

    FeedOutcome second = ingester().poll(server.url("/rss.xml"));

    assertThat(second.notModified()).isTrue();
    assertThat(published).hasSize(3);
  }

  @Test
  void shouldPublishOnlyTheNewItemWhenTheFeedChanges() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    ingester().poll(server.url("/rss.xml"));
    server.fixture("/rss.xml", "rss-updated.xml", RSS);

    FeedOutcome second = ingester().poll(server.url("/rss.xml"));

    assertThat(second.published()).isEqualTo(1);
    assertThat(titles()).hasSize(4).endsWith("Ministers publish draft rules for chip exports");
    assertThat(server.requests("/articles/3.html")).hasSize(1);
  }

  @Test
  void shouldReportAMalformedFeedByUrlAndStillPollTheOtherFeeds() throws Exception {
    server.fixture("/broken.xml", "malformed.xml", RSS);
    server.fixture("/rss.xml", "rss.xml", RSS);
    FeedRunner runner = new FeedRunner(List.of(server.url("/broken.xml"), server.url("/rss.xml")));

    List<FeedOutcome> outcomes = runner.round(ingester());

    assertThat(outcomes).extracting(FeedOutcome::failed).containsExactly(true, false);
    assertThat(published).hasSize(3);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo(server.url("/broken.xml"));
      assertThat(p.message()).startsWith("not a readable RSS or Atom feed");
    });
  }

  @Test
  void shouldPollInRoundsUntilStoppedPublishingWhatEachRoundFindsNew() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    FeedRunner runner = new FeedRunner(List.of(server.url("/rss.xml")));
    List<Integer> publishedPerRound = new ArrayList<>();

    List<FeedOutcome> all = runner.poll(ingester(), Duration.ofMillis(10), round -> {
      publishedPerRound.add(round.get(0).published());
      if (publishedPerRound.size() == 1) {
        server.fixture("/rss.xml", "rss-updated.xml", RSS);
      } else if (publishedPerRound.size() == 3) {
        runner.stop();
      }
    });

    assertThat(publishedPerRound).containsExactly(3, 1, 0);
    assertThat(all).hasSize(3);
    assertThat(published).extracting(RawArticle::id).hasSize(4).doesNotHaveDuplicates();
  }

  @Test
  void shouldRefuseAFeedWithADoctypeAndResolveNoEntity() throws Exception {
    server.fixture("/xxe.xml", "xxe.xml", RSS);
    server.text("/entity", "LEAKED", "text/plain");

    FeedOutcome outcome = ingester().poll(server.url("/xxe.xml"));

    assertThat(outcome.failed()).isTrue();
    assertThat(published).isEmpty();
    assertThat(problems).singleElement().satisfies(p ->
        assertThat(p.message()).contains("DOCTYPE").doesNotContain("root:"));
    assertThat(server.requests("/entity")).isEmpty();
  }

  @Test
  void shouldReportAFeedThatIsNotThereAndAHostThatIsDown() throws Exception {
    FeedRunner runner = new FeedRunner(List.of(server.url("/missing.xml"),
        "http://127.0.0.1:1/rss.xml", "not a url"));

    List<FeedOutcome> outcomes = runner.round(ingester());

    assertThat(outcomes).allMatch(FeedOutcome::failed);
    assertThat(problems).extracting(Problem::toString).satisfiesExactly(
        p -> assertThat(p).startsWith(server.url("/missing.xml") + ": feed not fetched: HTTP 404"),
        p -> assertThat(p).startsWith("http://127.0.0.1:1/rss.xml: feed not fetched:"),
        p -> assertThat(p).startsWith("not a url: not a"));
  }

  @Test
  void shouldFollowRedirectsOfFeedsAndPages() throws Exception {
    server.redirect("/old-feed", 301, "/rss.xml");
    server.fixture("/rss.xml", "rss.xml", RSS);
    server.redirect("/articles/1.html", 302, server.url("/moved/1.html"));
    server.fixture("/moved/1.html", "article-1.html", HTML);

    FeedOutcome outcome = ingester().poll(server.url("/old-feed"));

    assertThat(outcome.published()).isEqualTo(3);
    RawArticle first = published.get(0);
    assertThat(first.url()).as("the item's link").isEqualTo(server.url("/articles/1.html"));
    assertThat(first.body()).contains("Fixture article 1");
  }

  @Test
  void shouldRetryAFailingHostWithBackoffHonouringRetryAfter() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    AtomicInteger calls = new AtomicInteger();
    String page = server.fixtureText("article-2.html");
    server.on("/articles/2.html", ex -> {
      if (calls.incrementAndGet() <= 2) {
        ex.getResponseHeaders().set("Retry-After", "3");
        FixtureHttpServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
        return;
      }
      FixtureHttpServer.send(ex, 200, HTML, page.getBytes(StandardCharsets.UTF_8));
    });

    FeedOutcome outcome = ingester().poll(server.url("/rss.xml"));

    assertThat(outcome.clean()).isTrue();
    assertThat(published).hasSize(3);
    assertThat(calls).hasValue(3);
    assertThat(backoffs).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void shouldBackOffExponentiallyThenReportTheItemAndRetryItAtTheNextPoll() throws Exception {
    server.withEtag("/rss.xml", "rss.xml", RSS, "\"v1\"");
    AtomicInteger calls = new AtomicInteger();
    String page = server.fixtureText("article-2.html");
    server.on("/articles/2.html", ex -> {
      int n = calls.incrementAndGet();
      if (n <= 3) {
        FixtureHttpServer.send(ex, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
        return;
      }
      FixtureHttpServer.send(ex, 200, HTML, page.getBytes(StandardCharsets.UTF_8));
    });

    FeedOutcome first = ingester().poll(server.url("/rss.xml"));

    assertThat(first.failedItems()).isEqualTo(1);
    assertThat(first.published()).isEqualTo(2);
    assertThat(backoffs).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo(server.url("/articles/2.html"));
      assertThat(p.message()).contains("HTTP 500 after 3 attempts");
    });

    FeedOutcome second = ingester().poll(server.url("/rss.xml"));

    assertThat(server.requests("/rss.xml")).extracting(r -> r.header("If-None-Match"))
        .as("validators kept only once every item is done").containsExactly(null, null);
    assertThat(second.published()).isEqualTo(1);
    assertThat(published).extracting(RawArticle::url).doesNotHaveDuplicates().hasSize(3);
  }

  @Test
  void shouldTimeOutOnASlowHostAndPublishTheRest() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    server.on("/articles/3.html", ex -> {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      FixtureHttpServer.send(ex, 200, HTML, "<p>late</p>".getBytes(StandardCharsets.UTF_8));
    });

    FeedOutcome outcome = ingester().poll(server.url("/rss.xml"));

    assertThat(outcome.published()).isEqualTo(2);
    assertThat(outcome.failedItems()).isEqualTo(1);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo(server.url("/articles/3.html"));
      assertThat(p.message()).contains("timed out").contains("will retry");
    });
  }

  @Test
  void shouldTimeOutWhenABodyTricklesInPastTheReadTimeout() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    server.on("/articles/1.html", ex -> {
      ex.getResponseHeaders().set("Content-Type", HTML);
      ex.sendResponseHeaders(200, 0);
      try (var out = ex.getResponseBody()) {
        for (int i = 0; i < 30; i++) {
          out.write("<p>slow</p>\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(100);
        }
      } catch (InterruptedException | java.io.IOException e) {
        // the client hung up, as it should
      }
    });

    FeedOutcome outcome = ingester().poll(server.url("/rss.xml"));

    assertThat(outcome.failedItems()).isEqualTo(1);
    assertThat(problems).singleElement().satisfies(p ->
        assertThat(p.message()).contains("timed out"));
  }

  @Test
  void shouldSkipPagesRobotsTxtDisallowsWithoutFetchingThem() throws Exception {
    server.fixture("/robots.txt", "robots-disallow-private.txt", "text/plain");
    server.fixture("/private-items.xml", "private-items.xml", RSS);
    server.fixture("/private/briefing.html", "article-2.html", HTML);

    FeedOutcome outcome = ingester().poll(server.url("/private-items.xml"));

    assertThat(outcome.published()).isEqualTo(1);
    assertThat(outcome.skippedItems()).isEqualTo(1);
    assertThat(server.requests("/private/briefing.html")).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo(server.url("/private/briefing.html"));
      assertThat(p.message()).contains("disallowed by robots.txt");
    });

    problems.clear();
    FeedOutcome again = ingester().poll(server.url("/private-items.xml"));
    assertThat(again.clean()).as("a skipped item is remembered, not reported again").isTrue();
  }

  @Test
  void shouldNotFetchAFeedRobotsTxtDisallows() throws Exception {
    server.text("/robots.txt", "User-agent: policywire\nDisallow: /\n", "text/plain");
    server.fixture("/rss.xml", "rss.xml", RSS);

    FeedOutcome outcome = ingester().poll(server.url("/rss.xml"));

    assertThat(outcome.failed()).isTrue();
    assertThat(server.requests("/rss.xml")).isEmpty();
  }

  @Test
  void shouldStayAwayWhileRobotsTxtAnswersWithAServerError() throws Exception {
    server.on("/robots.txt", ex -> FixtureHttpServer.send(ex, 500, "text/plain",
        "down".getBytes(StandardCharsets.UTF_8)));
    server.fixture("/rss.xml", "rss.xml", RSS);

    FeedOutcome outcome = ingester().poll(server.url("/rss.xml"));

    assertThat(outcome.failed()).isTrue();
    assertThat(server.requests("/rss.xml")).isEmpty();
    assertThat(problems).singleElement().satisfies(p ->
        assertThat(p.message()).contains("robots.txt").contains("could not be fetched"));
  }

  @Test
  void shouldSkipAnOversizePageWhetherOrNotItDeclaresItsLength() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    byte[] big = ("<html><body>" + "x".repeat(200 * 1024) + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
    server.on("/articles/1.html", ex -> FixtureHttpServer.send(ex, 200, HTML, big));
    server.on("/articles/2.html", ex -> {
      ex.getResponseHeaders().set("Content-Type", HTML);
      ex.sendResponseHeaders(200, 0); // chunked: no length to check up front
      try (var out = ex.getResponseBody()) {
        out.write(big);
      } catch (java.io.IOException e) {
        // the client stops reading at the limit
      }
    });

    FeedOutcome outcome = ingester().poll(server.url("/rss.xml"));

    assertThat(outcome.skippedItems()).isEqualTo(2);
    assertThat(outcome.published()).isEqualTo(1);
    assertThat(problems).hasSize(2).allSatisfy(p ->
        assertThat(p.message()).contains("larger than the limit of 65536 bytes"));
  }

  @Test
  void shouldSkipAPageThatIsNotHtml() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    server.on("/articles/1.html", ex -> FixtureHttpServer.send(ex, 200, "application/pdf",
        "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));

    FeedOutcome outcome = ingester().poll(server.url("/rss.xml"));

    assertThat(outcome.skippedItems()).isEqualTo(1);
    assertThat(problems).singleElement().satisfies(p ->
        assertThat(p.message()).isEqualTo("not an HTML page (application/pdf)"));
  }

  @Test
  void shouldPublishNothingTwiceWhenRestartedInTheMiddleOfAFeed() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    List<RawArticle> firstRun = new ArrayList<>();
    FeedSink crashesOnSecond = new FeedSink() {
      @Override
      public boolean publish(RawArticle article) {
        if (firstRun.size() == 1) {
          throw new IllegalStateException("process killed");
        }
        firstRun.add(article);
        return true;
      }

      @Override
      public void problem(Problem problem) {
        problems.add(problem);
      }
    };
    assertThatThrownBy(() -> ingester(crashesOnSecond).poll(server.url("/rss.xml")))
        .hasMessage("process killed");

    FeedOutcome restarted = ingester().poll(server.url("/rss.xml"));

    assertThat(restarted.published()).isEqualTo(2);
    assertThat(Stream.concat(firstRun.stream(), published.stream()).map(RawArticle::id))
        .hasSize(3).doesNotHaveDuplicates();
    assertThat(server.requests("/articles/1.html")).as("page of the acknowledged item")
        .hasSize(1);
  }

  @Test
  void shouldNotRecordAnItemTheSinkDidNotAcknowledge() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    FeedSink refusesAll = new FeedSink() {
      @Override
      public boolean publish(RawArticle article) {
        return false;
      }

      @Override
      public void problem(Problem problem) {
        problems.add(problem);
      }
    };
    FeedOutcome refused = ingester(refusesAll).poll(server.url("/rss.xml"));
    assertThat(refused.failedItems()).isEqualTo(3);

    FeedOutcome retried = ingester().poll(server.url("/rss.xml"));

    assertThat(retried.published()).isEqualTo(3);
  }

  @Test
  void shouldStopBetweenItemsWhenAskedAndCarryOnAfterARestart() throws Exception {
    server.fixture("/rss.xml", "rss.xml", RSS);
    AtomicInteger seen = new AtomicInteger();
    FeedSink sink = FeedSink.of(sinkInto(published));
    FeedIngester stopsAfterOne = new FeedIngester(fetcher, new FeedStateStore(stateDir),
        new FeedSink() {
          @Override
          public boolean publish(RawArticle article) {
            seen.incrementAndGet();
            return sink.publish(article);
          }

          @Override
          public void problem(Problem problem) {
            problems.add(problem);
          }
        }, () -> seen.get() >= 1);

    FeedOutcome stopped = stopsAfterOne.poll(server.url("/rss.xml"));
    FeedOutcome resumed = ingester().poll(server.url("/rss.xml"));

    assertThat(stopped.published()).isEqualTo(1);
    assertThat(resumed.published()).isEqualTo(2);
    assertThat(published).extracting(RawArticle::id).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void shouldKeepTheStateAsOneJsonFilePerFeedWithNoTemporaryFilesLeft() throws Exception {
    server.withEtag("/rss.xml", "rss.xml", RSS, "\"v1\"");

    ingester().poll(server.url("/rss.xml"));

    try (Stream<Path> files = Files.list(stateDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .singleElement().asString().startsWith("127.0.0.1-").endsWith(".json");
    }
    FeedState state = new FeedStateStore(stateDir).load(server.url("/rss.xml"));
    assertThat(state.etag()).isEqualTo("\"v1\"");
    assertThat(state.items()).as("a guid that is not a URI gives way to the link")
        .containsOnlyKeys(server.url("/articles/3.html"), server.url("/articles/2.html"),
            server.url("/articles/1.html"));
  }

  private ArticleSink sinkInto(List<RawArticle> into) {
    return new ArticleSink() {
      @Override
      public void article(RawArticle article) {
        into.add(article);
      }

      @Override
      public void problem(Problem problem) {
        problems.add(problem);
      }
    };
  }
}
