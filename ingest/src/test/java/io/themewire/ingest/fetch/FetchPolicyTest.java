package io.themewire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FetchPolicyTest {

  private final HttpFetcher fetcher = new HttpFetcher(FetchLimits.defaults());

  @Test
  void checkDestination_httpsToHttpRedirect_isRefused() {
    FetchResult.Failed f =
        fetcher.checkDestination(
            "https://a.example/x",
            URI.create("https://a.example/x"),
            URI.create("http://a.example/y"));
    assertThat(f.reason()).isEqualTo("insecure-redirect");
  }

  @Test
  void checkDestination_otherSchemesNeverFetched() {
    for (String bad :
        new String[] {
          "file:///etc/passwd",
          "jar:file:/x.jar!/a",
          "ftp://a.example/",
          "gopher://a.example/",
          "javascript:alert(1)"
        }) {
      FetchResult.Failed f = fetcher.checkDestination(bad, null, URI.create(bad));
      assertThat(f).as(bad).isNotNull();
      assertThat(f.reason()).as(bad).isIn("bad-scheme", "bad-url");
    }
  }

  @Test
  void isPrivate_coversLoopbackPrivateLinkLocalAndUnspecified() throws Exception {
    for (String a :
        new String[] {
          "127.0.0.1",
          "::1",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.169.254",
          "0.0.0.0",
          "fd00::1",
          "100.64.0.1"
        }) {
      assertThat(DestinationPolicy.isPrivate(InetAddress.getByName(a))).as(a).isTrue();
    }
    assertThat(DestinationPolicy.isPrivate(InetAddress.getByName("93.184.216.34"))).isFalse();
  }

  @Test
  void retryAfter_secondsOrHttpDateCappedAtADay() {
    Instant now = Instant.parse("2026-11-27T00:00:00Z");
    assertThat(HttpFetcher.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
    assertThat(HttpFetcher.retryAfter("Fri, 27 Nov 2026 00:10:00 GMT", now))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(HttpFetcher.retryAfter("999999999", now)).isEqualTo(Duration.ofHours(24));
    assertThat(HttpFetcher.retryAfter("soon", now)).isNull();
  }

  @Test
  void backoff_growsExponentiallyWithJitterAndHonoursRetryAfter() {
    Random r = new Random(7);
    Duration first = Backoff.next(1, null, r);
    Duration fifth = Backoff.next(5, null, r);
    assertThat(first).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));
    assertThat(fifth).isBetween(Duration.ofMinutes(12), Duration.ofMinutes(20));
    assertThat(Backoff.next(1, Duration.ofMinutes(30), r)).isEqualTo(Duration.ofMinutes(30));
    assertThat(Backoff.next(40, null, r)).isLessThanOrEqualTo(Backoff.MAX);
  }

  @Test
  void checkDestination_redirectFromAPublicHostToLoopback_isBlocked() {
    FetchResult.Failed f =
        fetcher.checkDestination(
            "https://news.example/feed",
            URI.create("https://news.example/feed"),
            URI.create("https://127.0.0.1:8443/admin"));
    assertThat(f.reason()).isEqualTo("blocked-redirect");
  }

  /**
   * RELIABILITY row 4 (DNS rebinding): a name with a public and a loopback answer in one resolution
   * is refused outright, since every address of the answer must be public.
   */
  @Test
  void checkDestination_nameWithAPublicAndALoopbackAnswer_isRefused() throws Exception {
    HostResolver rebinding =
        host ->
            java.util.List.of(
                InetAddress.getByName("93.184.216.34"), InetAddress.getLoopbackAddress());
    try (HttpFetcher f =
        new HttpFetcher(
            FetchLimits.defaults(), rebinding, java.time.Clock.systemUTC(), Sleeper.SYSTEM)) {
      FetchResult.Failed refused =
          f.checkDestination("http://rebind.test/", null, URI.create("http://rebind.test/"));
      assertThat(refused.reason()).isEqualTo("blocked-destination");
    }
  }
}
