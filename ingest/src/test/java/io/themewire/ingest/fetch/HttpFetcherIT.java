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
  private final HttpFetcher fetcher =
      new HttpFetcher(
          FetchLimits.defaults()
              .withAllowPrivate(true)
              .withMaxBytes(100_000)
              .withTotalTimeout(Duration.ofSeconds(3)));

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

  @Test
  void fetch_redirectLoop_stopsAtTheLimit() {
    server
        .route("/a", FixtureServer.redirect(302, "/b"))
        .route("/b", FixtureServer.redirect(302, "/a"));

    assertThat(reason(fetcher.fetch(server.url("/a")))).isEqualTo("too-many-redirects");
    assertThat(server.hits("/a") + server.hits("/b"))
        .isEqualTo(FetchLimits.DEFAULT_MAX_REDIRECTS + 1);
  }

  @Test
  void fetch_redirectToAnotherScheme_isRefused() {
    server.route("/x", FixtureServer.redirect(302, "file:///etc/passwd"));
    assertThat(reason(fetcher.fetch(server.url("/x")))).isEqualTo("blocked-redirect");
  }

  @Test
  void fetch_bodyOverTheCap_isAbortedAsTooLarge() {
    server.route("/big", FixtureServer.body(200, "text/plain", new byte[500_000]));
    assertThat(reason(fetcher.fetch(server.url("/big")))).isEqualTo("too-large");
  }

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

  @Test
  void fetch_bodyThatNeverEnds_hitsTheTotalDeadline() {
    server.route(
        "/drip",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          try {
            for (int i = 0; i < 100; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(200);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    assertThat(reason(fetcher.fetch(server.url("/drip")))).isEqualTo("timeout");
  }

  @Test
  void fetch_httpError_isTypedAndRetryableWhen5xx() {
    server.route("/gone", FixtureServer.body(404, "text/plain", "no"));
    server.route("/busy", FixtureServer.body(503, "text/plain", "later"));
    assertThat(reason(fetcher.fetch(server.url("/gone")))).isEqualTo("http-404");
    FetchResult busy = fetcher.fetch(server.url("/busy"));
    assertThat(((FetchResult.Failed) busy).isRetryable()).isTrue();
  }

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
}
