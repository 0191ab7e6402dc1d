package io.policywire.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.policywire.model.RawArticle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NormalizeHtmlTest {

  private final Normalizer normalizer = new Normalizer(1 << 20);

  private NormalizedArticle html(String page) {
    return normalizer.normalize(new RawArticle("h", "https://feed.example/item", null, null,
        page, "text/html; charset=utf-8", null, null));
  }

  @Test
  void shouldTakeTitleDateAuthorSiteAndCanonicalUrlFromThePageMetadata() {
    NormalizedArticle a = html(LabelledSet.resource("pages/regulator-fines-app-store.html"));

    assertThat(a.title()).isEqualTo("Regulator fines app store operator over payment rules");
    assertThat(a.publishedAt()).isEqualTo("2024-03-04T08:30:00Z");
    assertThat(a.author()).isEqualTo("Mara Quint");
    assertThat(a.source()).isEqualTo("The Policy Ledger");
    assertThat(a.canonicalUrl()).isEqualTo("https://ledger.example/tech/app-store-fine");
    assertThat(a.url()).isEqualTo("https://feed.example/item");
    assertThat(a.language()).isEqualTo("en-GB");
  }

  @Test
  void shouldKeepOnlyTheArticleNotItsNavigationShareBarsCaptionsOrRelatedStories() {
    NormalizedArticle a = html(LabelledSet.resource("pages/regulator-fines-app-store.html"));

    assertThat(a.text()).startsWith("The competition authority on Monday fined")
        .endsWith("self-preferencing in search results.")
        .doesNotContain("Skip to", "Share on", "headquarters", "Sign up", "Advertisement",
            "Related", "Parliament passes", "comments", "Most read", "All rights reserved",
            "dataLayer", "display: flex");
  }

  @Test
  void shouldFindTheStoryByScoringWhenThePageHasNoArticleElement() {
    NormalizedArticle a = html(LabelledSet.resource("pages/divs-no-article-tag.html"));

    assertThat(a.title()).isEqualTo("Senators question data broker sales to foreign buyers");
    assertThat(a.publishedAt()).isEqualTo("2024-06-11T00:00:00Z");
    assertThat(a.text()).startsWith("A bipartisan group of senators")
        .doesNotContain("Quiz of the week", "About us", "Politics");
    assertThat(a.text().split("\n\n")).hasSize(4);
  }

  @Test
  void shouldPreferTheRawMetadataOverThePagesAndIgnoreAPageDateThatIsNotIso() {
    String page = "<html><head><title>Page title</title><meta name='date' content='last week'>"
        + "<meta property='og:site_name' content='Site'></head><body><p>The agency published "
        + "its report on Monday, with twelve recommendations for platforms.</p></body></html>";

    NormalizedArticle a = normalizer.normalize(new RawArticle("h", null, "Feed name", "Feed title",
        page, "text/html", null, null));

    assertThat(a.title()).isEqualTo("Feed title");
    assertThat(a.source()).isEqualTo("Feed name");
    assertThat(a.publishedAt()).isNull();
  }

  @Test
  void shouldTreatAWholePageSavedAsPlainTextAsHtml() {
    String page = "<!DOCTYPE html><html><head><title>T</title></head><body><nav>Home</nav>"
        + "<p>The ministry confirmed the ban would start next month.</p></body></html>";

    NormalizedArticle a = normalizer.normalize(new RawArticle("h", null, null, "Ban confirmed",
        page, "text/plain", null, null));

    assertThat(a.text()).isEqualTo("The ministry confirmed the ban would start next month.");
  }

  @Test
  void shouldNeverFetchADoctypeOrExternalEntity() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      String page = "<!DOCTYPE html SYSTEM \"" + base + "/x.dtd\" [<!ENTITY % p SYSTEM \""
          + base + "/p.dtd\"> %p; <!ENTITY xxe SYSTEM \"" + base + "/secret\">"
          + "<!ENTITY local SYSTEM \"file:///etc/passwd\">]>"
          + "<html><head><title>Entities</title></head><body><p>&xxe; &local; The story text stays as it was written.</p></body></html>";

      NormalizedArticle a = html(page);

      assertThat(a.text()).contains("The story text stays").doesNotContain("root:");
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void shouldStayBoundedOnDeeplyNestedMarkup() {
    String deep = "<html><head><title>Deep</title></head><body>" + "<div><span>".repeat(60_000)
        + "<p>Deep inside, the regulator published its decision on the merger.</p></body></html>";

    NormalizedArticle a = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> html(deep));

    assertThat(a.text()).contains("the regulator published its decision");
  }

  @Test
  void shouldStayBoundedOnAHugeFlatPage() {
    String para = "<p>The committee heard evidence from twelve witnesses, including regulators, "
        + "researchers and company executives, over three days.</p>\n";
    String huge = "<html><head><title>Huge</title></head><body><article>" + para.repeat(1_000_000 / para.length())
        + "</article></body></html>";

    NormalizedArticle a = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> html(huge));

    assertThat(a.text()).startsWith("The committee heard evidence");
  }
}
