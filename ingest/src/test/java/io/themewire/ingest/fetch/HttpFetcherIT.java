package io.themewire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.testkit.FixtureServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherIT {

  private final FixtureServer server = FixtureServer.start();
  private static final FetchLimits LOOPBACK =
      FetchLimits.defaults()
          .withAllowPrivate(true)
          .withMaxBytes(100_000)
          .withTotalTimeout(Duration.ofSeconds(3))
          .withHostDelay(Duration.ZERO);
  private final HttpFetcher fetcher = new HttpFetcher(LOOPBACK);

  @AfterEach
  void close() {
    fetcher.close();
    server.close();
  }

  @Test
  void fetch_followsRedirectsAndReadsTheBody() {
    server
        .route("/old", FixtureServer.redirect(301, "/new"))
        .route("/new", FixtureServer.body(200, "text/html", "<p>hi</p>"));

    FetchResult r = fetcher.fetch(server.url("/old"));

    assertThat(r).isInstanceOf(FetchResult.Fetched.class);
    assertThat(new String(((FetchResult.Fetched) r).body(), StandardCharsets.UTF_8))
        .isEqualTo("<p>hi</p>");
    assertThat(((FetchResult.Fetched) r).finalUrl()).isEqualTo(server.url("/new"));
  }

  // RELIABILITY row 6
  @Test
  void fetch_redirectLoop_stopsAtTheLimit() {
    server
        .route("/a", FixtureServer.redirect(302, "/b"))
        .route("/b", FixtureServer.redirect(302, "/a"));

    assertThat(reason(fetcher.fetch(server.url("/a")))).isEqualTo("too-many-redirects");
    assertThat(server.hits("/a") + server.hits("/b"))
        .isEqualTo(FetchLimits.DEFAULT_MAX_REDIRECTS + 1);
  }

  // RELIABILITY rows 5, 8
  @Test
  void fetch_redirectToAnotherScheme_isRefused() {
    server.route("/x", FixtureServer.redirect(302, "file:///etc/passwd"));
    assertThat(reason(fetcher.fetch(server.url("/x")))).isEqualTo("blocked-redirect");
  }

  // RELIABILITY row 9
  @Test
  void fetch_bodyOverTheCap_isAbortedAsTooLarge() {
    server.route("/big", FixtureServer.body(200, "text/plain", new byte[500_000]));
    assertThat(reason(fetcher.fetch(server.url("/big")))).isEqualTo("too-large");
  }

  // RELIABILITY row 11
  @Test
  void fetch_gzipBomb_tripsTheCapAfterDecompression() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(new byte[5_000_000]);
    }
    byte[] body = zipped.toByteArray();
    server.route(
        "/bomb",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
        });
    assertThat(body.length).isLessThan(100_000);
    assertThat(reason(fetcher.fetch(server.url("/bomb")))).isEqualTo("too-large");
  }

  /** A loopback fetcher whose deadlines run on {@code ticker}. */
  private static HttpFetcher onTicker(Ticker ticker) {
    return new HttpFetcher(
        LOOPBACK,
        HostResolver.SYSTEM,
        java.time.Clock.systemUTC(),
        Sleeper.SYSTEM,
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
        ticker);
  }

  // RELIABILITY row 10
  /**
   * The deadline runs on the injected ticker, checked as the body drips: while the server sends the
   * body, the ticker moves past the deadline, and the fetch stops there although the whole body
   * comes within half a second of real time. No real waiting for the deadline.
   */
  @Test
  void fetch_bodyThatNeverEnds_hitsTheTotalDeadline() {
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    server.route(
        "/drip",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          try {
            for (int i = 0; i < 10; i++) {
              out.write('x');
              out.flush();
              if (i == 4) {
                // by now the fetcher is reading the body
                now.addAndGet(LOOPBACK.totalTimeout().toNanos() * 2);
              }
              Thread.sleep(50);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (java.io.IOException e) {
            // the fetcher hung up at its deadline: expected
          }
        });
    try (HttpFetcher ticking = onTicker(now::get)) {
      assertThat(reason(ticking.fetch(server.url("/drip")))).isEqualTo("timeout");
    }
  }

  @Test
  void fetch_httpError_isTypedAndRetryableWhen5xx() {
    server.route("/gone", FixtureServer.body(404, "text/plain", "no"));
    server.route("/busy", FixtureServer.body(503, "text/plain", "later"));
    assertThat(reason(fetcher.fetch(server.url("/gone")))).isEqualTo("http-404");
    FetchResult busy = fetcher.fetch(server.url("/busy"));
    assertThat(((FetchResult.Failed) busy).isRetryable()).isTrue();
  }

  // RELIABILITY rows 1, 2
  @Test
  void fetch_loopbackIsBlockedUnlessAllowed() {
    server.route("/f", FixtureServer.body(200, "text/plain", "secret"));
    try (HttpFetcher strict = new HttpFetcher(FetchLimits.defaults())) {
      assertThat(reason(strict.fetch(server.url("/f")))).isEqualTo("blocked-destination");
      assertThat(reason(strict.fetch("http://[::1]:" + server.port() + "/f")))
          .isEqualTo("blocked-destination");
      assertThat(reason(strict.fetch("http://169.254.169.254/latest")))
          .isEqualTo("blocked-destination");
      assertThat(reason(strict.fetch("ftp://example.com/x"))).isEqualTo("bad-scheme");
    }
    assertThat(server.hits("/f")).isZero();
  }

  private static String reason(FetchResult r) {
    assertThat(r).isInstanceOf(FetchResult.Failed.class);
    return ((FetchResult.Failed) r).reason();
  }

  // RELIABILITY row 13
  @Test
  void fetch_robotsDisallowAll_skipsThePage() {
    server.route(
        "/robots.txt", FixtureServer.body(200, "text/plain", "User-agent: *\nDisallow: /\n"));
    server.route("/page", FixtureServer.body(200, "text/html", "<p>hi</p>"));

    assertThat(reason(fetcher.fetch(server.url("/page")))).isEqualTo("robots-disallowed");
    assertThat(server.hits("/page")).isZero();
  }

  // RELIABILITY row 13
  @Test
  void fetch_robotsForOtherAgentsOnly_allowsUs() {
    server.route(
        "/robots.txt",
        FixtureServer.body(200, "text/plain", "User-agent: otherbot\nDisallow: /\n"));
    server.route("/page", FixtureServer.body(200, "text/html", "<p>hi</p>"));

    assertThat(fetcher.fetch(server.url("/page"))).isInstanceOf(FetchResult.Fetched.class);
  }

  // RELIABILITY row 13
  @Test
  void fetch_robots503_defersTheSiteAndFetchesNothing() {
    server.route("/robots.txt", FixtureServer.body(503, "text/plain", "down"));
    server.route("/page", FixtureServer.body(200, "text/html", "<p>hi</p>"));

    FetchResult r = fetcher.fetch(server.url("/page"));

    assertThat(reason(r)).isEqualTo("robots-unavailable");
    assertThat(((FetchResult.Failed) r).isRetryable()).isTrue();
    assertThat(server.hits("/page")).isZero();
  }

  // RELIABILITY row 15
  @Test
  void fetch_secondPollWithValidators_isNotModified() {
    server.route(
        "/feed",
        exchange -> {
          String etag = "\"v1\"";
          if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
          }
          byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("ETag", etag);
          exchange.getResponseHeaders().set("Last-Modified", "Tue, 10 Nov 2026 08:00:00 GMT");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
        });

    FetchResult.Fetched first = (FetchResult.Fetched) fetcher.fetch(server.url("/feed"));
    FetchResult second = fetcher.fetch(server.url("/feed"), first.validators());

    assertThat(first.validators().etag()).isEqualTo("\"v1\"");
    assertThat(first.validators().lastModified()).isEqualTo("Tue, 10 Nov 2026 08:00:00 GMT");
    assertThat(second).isEqualTo(new FetchResult.NotModified(server.url("/feed"), "not-modified"));
  }

  // RELIABILITY row 16
  @Test
  void fetch_serverIgnoringConditionalHeaders_sameBodyIsNotModified() {
    server.route("/feed", FixtureServer.body(200, "application/rss+xml", "<rss>same</rss>"));

    FetchResult.Fetched first = (FetchResult.Fetched) fetcher.fetch(server.url("/feed"));
    FetchResult second = fetcher.fetch(server.url("/feed"), first.validators());

    assertThat(second)
        .isEqualTo(new FetchResult.NotModified(server.url("/feed"), "unchanged-body"));
  }

  // RELIABILITY row 17
  @Test
  void fetch_429WithRetryAfter_reportsTheWait() {
    server.route(
        "/busy",
        exchange -> {
          exchange.getResponseHeaders().set("Retry-After", "120");
          exchange.sendResponseHeaders(429, -1);
        });

    FetchResult.Failed r = (FetchResult.Failed) fetcher.fetch(server.url("/busy"));

    assertThat(r.reason()).isEqualTo("http-429");
    assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(r.isRetryable()).isTrue();
  }

  // RELIABILITY row 3
  @Test
  void fetch_publicLookingNameResolvingToLoopback_isBlockedBeforeConnecting() {
    server.route("/f", FixtureServer.body(200, "text/plain", "secret"));
    HostResolver toLoopback = host -> java.util.List.of(java.net.InetAddress.getLoopbackAddress());
    try (HttpFetcher strict =
        new HttpFetcher(
            FetchLimits.defaults(), toLoopback, java.time.Clock.systemUTC(), Sleeper.SYSTEM)) {
      assertThat(reason(strict.fetch("http://news.test:" + server.port() + "/f")))
          .isEqualTo("blocked-destination");
    }
    assertThat(server.hits("/f")).isZero();
  }

  /**
   * RELIABILITY row 4, the positive half of pinning: the connection goes to the address the
   * fetcher's own resolver gave (a name no system resolver knows), with the name in the Host
   * header.
   */
  // RELIABILITY row 4
  @Test
  void fetch_connectsToTheResolvedAddress_withTheNameInTheHostHeader() {
    java.util.List<String> hosts = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.route(
        "/pinned",
        exchange -> {
          hosts.add(exchange.getRequestHeaders().getFirst("Host"));
          FixtureServer.body(200, "text/plain", "pinned").handle(exchange);
        });
    HostResolver only = host -> java.util.List.of(java.net.InetAddress.getLoopbackAddress());
    try (HttpFetcher pinned =
        new HttpFetcher(LOOPBACK, only, java.time.Clock.systemUTC(), Sleeper.SYSTEM)) {
      FetchResult r = pinned.fetch("http://pinned.invalid:" + server.port() + "/pinned");
      assertThat(r).isInstanceOf(FetchResult.Fetched.class);
    }
    assertThat(hosts).containsExactly("pinned.invalid:" + server.port());
  }

  /**
   * RELIABILITY row 4 (DNS rebinding): a resolver that answers a public address first and loopback
   * afterwards. The name is resolved once; the connection is made to the validated public address
   * (unreachable here), never to the loopback server the second answer points at.
   */
  // RELIABILITY row 4
  @Test
  void fetch_rebindingResolver_isResolvedOnce_andTheLoopbackServerIsNeverReached() {
    server.route("/admin", FixtureServer.body(200, "text/plain", "secret"));
    java.util.concurrent.atomic.AtomicInteger lookups =
        new java.util.concurrent.atomic.AtomicInteger();
    HostResolver rebinding =
        host ->
            java.util.List.of(
                lookups.getAndIncrement() == 0
                    ? java.net.InetAddress.getByName("192.0.2.1") // TEST-NET-1: public, unrouted
                    : java.net.InetAddress.getLoopbackAddress());
    FetchLimits strict =
        FetchLimits.defaults()
            .withObeyRobots(false)
            .withHostDelay(Duration.ZERO)
            .withTotalTimeout(Duration.ofMillis(1500));
    FetchResult r;
    try (HttpFetcher fetcher =
        new HttpFetcher(strict, rebinding, java.time.Clock.systemUTC(), Sleeper.SYSTEM)) {
      r = fetcher.fetch("http://rebind.invalid:" + server.port() + "/admin");
    }
    assertThat(r).isInstanceOf(FetchResult.Failed.class);
    assertThat(((FetchResult.Failed) r).isRetryable()).isTrue();
    assertThat(lookups.get()).isEqualTo(1);
    assertThat(server.hits("/admin")).isZero();
  }

  /** Deadlines run on the injected ticker: a redirect chain that outlives it stops, unwaited. */
  @Test
  void fetch_deadlineFollowsTheTicker_notTheWallClock() {
    server
        .route("/r1", FixtureServer.redirect(302, "/r2"))
        .route("/r2", FixtureServer.redirect(302, "/r3"))
        .route("/r3", FixtureServer.body(200, "text/plain", "late"));
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    Ticker jumpy = () -> now.getAndAdd(Duration.ofSeconds(2).toNanos());
    try (HttpFetcher fetcher = onTicker(jumpy)) {
      assertThat(reason(fetcher.fetch(server.url("/r1")))).isEqualTo("timeout");
    }
    assertThat(server.hits("/r3")).isZero();
  }

  // RELIABILITY row 14
  @Test
  void fetch_crawlDelaySpacesOneHostButNotAnother() {
    server.route(
        "/robots.txt", FixtureServer.body(200, "text/plain", "User-agent: *\nCrawl-delay: 2\n"));
    server.route("/p", FixtureServer.body(200, "text/plain", "x"));
    FakeTime time = new FakeTime();
    try (HttpFetcher polite =
        new HttpFetcher(
            LOOPBACK.withHostDelay(Duration.ofSeconds(1)), HostResolver.SYSTEM, time, time)) {
      for (int i = 0; i < 5; i++) {
        assertThat(polite.fetch(server.url("/p?i=" + i))).isInstanceOf(FetchResult.Fetched.class);
      }
      Duration oneHost = time.slept;
      for (int i = 0; i < 5; i++) {
        polite.fetch("http://localhost:" + server.port() + "/p?i=" + i);
      }
      // Five requests to one host wait 4 x 2 s; the other host is not held up by the first.
      assertThat(oneHost).isEqualTo(Duration.ofSeconds(8));
      assertThat(time.slept).isEqualTo(Duration.ofSeconds(16));
    }
  }

  @Test
  void fetch_redirectToAnotherSite_obeysThatSitesRobots() {
    server.route(
        "/robots.txt",
        FixtureServer.body(200, "text/plain", "User-agent: *\nDisallow: /private\n"));
    server.route(
        "/go", FixtureServer.redirect(302, "http://localhost:" + server.port() + "/private"));
    server.route("/private", FixtureServer.body(200, "text/plain", "secret"));

    assertThat(reason(fetcher.fetch(server.url("/go")))).isEqualTo("robots-disallowed");
    assertThat(server.hits("/private")).isZero();
  }

  /** A clock that only moves when someone sleeps. */
  static final class FakeTime extends java.time.Clock implements Sleeper {
    java.time.Instant now = java.time.Instant.parse("2026-11-27T00:00:00Z");
    Duration slept = Duration.ZERO;

    @Override
    public synchronized void sleep(Duration d) {
      now = now.plus(d);
      slept = slept.plus(d);
    }

    @Override
    public synchronized java.time.Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
