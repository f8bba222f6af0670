package io.themewire.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.themewire.core.message.ItemId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches http(s) URLs politely and within {@link FetchLimits}:
 *
 * <ul>
 *   <li>one destination policy for every hop: only http(s); the host's resolved addresses, not its
 *       name, are checked against loopback, private, link-local and multicast ranges; redirects are
 *       followed by hand, each hop checked again, https never downgraded to http;
 *   <li>robots.txt read once a day per site and obeyed (404 allows all; 5xx defers the site);
 *   <li>requests to one host spaced by the host delay or its Crawl-delay, other hosts unaffected;
 *   <li>conditional GET ({@code If-None-Match}, {@code If-Modified-Since}) and a body hash for
 *       servers that ignore it, so an unchanged source costs no parse;
 *   <li>a total deadline that closes the connection, and a byte cap counted after decompression.
 * </ul>
 *
 * Never throws for a bad URL or a bad server: every problem is a {@link FetchResult.Failed}.
 * Thread-safe; close it to stop its deadline timer.
 */
public final class HttpFetcher implements AutoCloseable {

  /**
   * How long robots.txt rules are kept; a site whose robots.txt failed with 5xx is retried sooner.
   */
  static final Duration ROBOTS_TTL = Duration.ofHours(24);

  static final Duration ROBOTS_RETRY = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

  private final FetchLimits limits;
  private final HostResolver resolver;
  private final Clock clock;
  private final HttpClient client;
  private final ScheduledExecutorService deadlines;
  private final HostThrottle throttle;
  private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
  private final Map<String, CachedRules> robots = new ConcurrentHashMap<>();
  private final MeterRegistry meters;

  private record CachedRules(BaseRobotRules rules, Instant expires) {}

  public HttpFetcher(FetchLimits limits) {
    this(limits, HostResolver.SYSTEM, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  public HttpFetcher(FetchLimits limits, HostResolver resolver, Clock clock, Sleeper sleeper) {
    this(limits, resolver, clock, sleeper, new SimpleMeterRegistry());
  }

  /**
   * @param meters where {@code fetch.requests} (Prometheus: {@code fetch_requests_total}) counts
   *     each fetch by {@code outcome}: {@code fetched}, {@code not-modified}, {@code blocked}, or
   *     the failure reason ({@code http-4xx}, {@code http-5xx}, {@code timeout}, ...)
   */
  public HttpFetcher(
      FetchLimits limits,
      HostResolver resolver,
      Clock clock,
      Sleeper sleeper,
      MeterRegistry meters) {
    this.meters = meters;
    this.limits = limits;
    this.resolver = resolver;
    this.clock = clock;
    this.throttle = new HostThrottle(clock, sleeper);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(limits.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tw-fetch-deadline");
              t.setDaemon(true);
              return t;
            });
    if (limits.allowPrivate()) {
      log.warn(
          "fetching private and loopback addresses is allowed (THEMEWIRE_FETCH_ALLOW_PRIVATE)");
    }
  }

  /** An unconditional fetch. */
  public FetchResult fetch(String url) {
    return fetch(url, Validators.NONE);
  }

  /** A fetch that answers {@link FetchResult.NotModified} when the validators still hold. */
  public FetchResult fetch(String url, Validators validators) {
    FetchResult result = fetchUncounted(url, validators);
    count(result);
    return result;
  }

  /**
   * Whether {@code url} may be fetched at all under the destination policy (scheme, resolved
   * address), without fetching it: for checking a source when it is added. Refusals are counted as
   * {@code blocked}.
   */
  public java.util.Optional<FetchResult.Failed> refusal(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return java.util.Optional.of(
          new FetchResult.Failed(url, "bad-url", "not a valid URL: " + url));
    }
    FetchResult.Failed refused = checkDestination(url, null, uri);
    if (refused != null) {
      count(refused);
    }
    return java.util.Optional.ofNullable(refused);
  }

  private void count(FetchResult result) {
    String outcome;
    if (result instanceof FetchResult.Fetched) {
      outcome = "fetched";
    } else if (result instanceof FetchResult.NotModified) {
      outcome = "not-modified";
    } else {
      String reason = ((FetchResult.Failed) result).reason();
      outcome =
          reason.startsWith("blocked")
                  || reason.equals("insecure-redirect")
                  || reason.equals("bad-scheme")
              ? "blocked"
              : reason.startsWith("http-") ? reason.substring(0, 6) + "xx" : reason;
    }
    meters.counter("fetch.requests", "outcome", outcome).increment();
  }

  private FetchResult fetchUncounted(String url, Validators validators) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return new FetchResult.Failed(url, "bad-url", "not a valid URL: " + url);
    }
    FetchResult.Failed refused = checkDestination(url, null, uri);
    if (refused != null) {
      return refused;
    }
    if (limits.obeyRobots()) {
      FetchResult.Failed impolite = politeTurn(url, uri);
      if (impolite != null) {
        return impolite;
      }
    } else {
      try {
        throttle.acquire(hostKey(uri), limits.hostDelay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new FetchResult.Failed(url, "io-error", url + " - interrupted");
      }
    }
    return get(url, validators, limits.obeyRobots());
  }

  /**
   * Obeys {@code uri}'s site: its robots.txt, then its turn under the host delay or Crawl-delay.
   */
  private FetchResult.Failed politeTurn(String url, URI uri) {
    Duration delay = limits.hostDelay();
    BaseRobotRules rules = robotsFor(uri);
    if (rules.isDeferVisits()) {
      return new FetchResult.Failed(
          url,
          "robots-unavailable",
          uri + " - robots.txt unavailable; retrying later",
          ROBOTS_RETRY);
    }
    if (!rules.isAllowed(uri.toString())) {
      return new FetchResult.Failed(url, "robots-disallowed", uri + " - disallowed by robots.txt");
    }
    if (rules.getCrawlDelay() > 0) {
      Duration crawlDelay =
          Duration.ofMillis(
              Math.min(rules.getCrawlDelay(), FetchLimits.MAX_CRAWL_DELAY.toMillis()));
      delay = crawlDelay.compareTo(delay) > 0 ? crawlDelay : delay;
    }
    try {
      throttle.acquire(hostKey(uri), delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FetchResult.Failed(url, "io-error", url + " - interrupted");
    }
    return null;
  }

  private BaseRobotRules robotsFor(URI uri) {
    String site = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostKey(uri);
    CachedRules cached = robots.get(site);
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.expires())) {
      return cached.rules();
    }
    FetchResult r = get(site + "/robots.txt", Validators.NONE, false);
    BaseRobotRules rules;
    Duration ttl = ROBOTS_TTL;
    if (r instanceof FetchResult.Fetched f) {
      rules =
          robotsParser.parseContent(
              f.finalUrl(), f.body(), f.contentType(), List.of(limits.robotName()));
    } else if (r instanceof FetchResult.Failed f && f.reason().matches("http-4\\d\\d")) {
      rules = robotsParser.failedFetch(Integer.parseInt(f.reason().substring(5)));
    } else if (r instanceof FetchResult.Failed f
        && (f.reason().startsWith("blocked") || f.reason().startsWith("bad-"))) {
      // The page itself will be refused on the same grounds; no rules are needed to say so.
      rules = robotsParser.failedFetch(404);
    } else {
      rules = robotsParser.failedFetch(503);
      ttl = ROBOTS_RETRY;
    }
    robots.put(site, new CachedRules(rules, now.plus(ttl)));
    return rules;
  }

  private static String hostKey(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
  }

  /**
   * One GET with its redirects. Each hop passes the destination policy; a hop to another site also
   * passes that site's robots.txt and waits its turn, when {@code polite}.
   */
  private FetchResult get(String url, Validators validators, boolean polite) {
    long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
    String current = url;
    URI previous = null;
    for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
      URI uri;
      try {
        uri = URI.create(current);
      } catch (IllegalArgumentException e) {
        return new FetchResult.Failed(url, "bad-url", "not a valid URL: " + current);
      }
      FetchResult.Failed refused = checkDestination(url, previous, uri);
      if (refused != null) {
        return refused;
      }
      if (polite && previous != null && !hostKey(previous).equals(hostKey(uri))) {
        FetchResult.Failed impolite = politeTurn(url, uri);
        if (impolite != null) {
          return impolite;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return timeout(url);
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofNanos(left))
              .header("User-Agent", limits.userAgent())
              .header("Accept-Encoding", "gzip")
              .GET();
      if (validators.etag() != null) {
        request.header("If-None-Match", validators.etag());
      }
      if (validators.lastModified() != null) {
        request.header("If-Modified-Since", validators.lastModified());
      }
      HttpResponse<InputStream> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (java.net.http.HttpTimeoutException e) {
        return timeout(url);
      } catch (IOException | IllegalArgumentException e) {
        return new FetchResult.Failed(url, "io-error", current + " - " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new FetchResult.Failed(url, "io-error", current + " - interrupted");
      }
      int status = response.statusCode();
      if (status >= 300
          && status < 400
          && status != 304
          && response.headers().firstValue("Location").isPresent()) {
        closeQuietly(response.body());
        previous = uri;
        try {
          current = uri.resolve(response.headers().firstValue("Location").get().strip()).toString();
        } catch (IllegalArgumentException e) {
          return new FetchResult.Failed(url, "bad-url", current + " - redirects to an invalid URL");
        }
        continue;
      }
      if (status == 304) {
        closeQuietly(response.body());
        return new FetchResult.NotModified(url, "not-modified");
      }
      if (status < 200 || status >= 300) {
        closeQuietly(response.body());
        Duration retryAfter =
            response
                .headers()
                .firstValue("Retry-After")
                .map(v -> retryAfter(v, clock.instant()))
                .orElse(null);
        return new FetchResult.Failed(
            url, "http-" + status, current + " answered HTTP " + status, retryAfter);
      }
      FetchResult result = readBody(url, current, response, deadline);
      if (result instanceof FetchResult.Fetched f
          && validators.bodyHash() != null
          && validators.bodyHash().equals(f.validators().bodyHash())) {
        return new FetchResult.NotModified(url, "unchanged-body");
      }
      return result;
    }
    return new FetchResult.Failed(
        url, "too-many-redirects", url + " - more than " + limits.maxRedirects() + " redirects");
  }

  /**
   * The destination policy for one hop: null when {@code to} may be fetched.
   *
   * @param from the previous hop, or null for the first request
   */
  FetchResult.Failed checkDestination(String url, URI from, URI to) {
    boolean redirected = from != null;
    String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new FetchResult.Failed(
          url,
          redirected ? "blocked-redirect" : "bad-scheme",
          "only http(s) is fetched, not " + to);
    }
    if (redirected
        && !limits.allowDowngrade()
        && "https".equalsIgnoreCase(from.getScheme())
        && scheme.equals("http")) {
      return new FetchResult.Failed(
          url, "insecure-redirect", from + " redirects from https to http: " + to);
    }
    if (to.getHost() == null || to.getHost().isBlank()) {
      return new FetchResult.Failed(url, "bad-url", "URL has no host: " + to);
    }
    if (limits.allowPrivate()) {
      return null;
    }
    String host = to.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      for (InetAddress address : resolver.resolve(host)) {
        if (isPrivate(address)) {
          return new FetchResult.Failed(
              url,
              redirected ? "blocked-redirect" : "blocked-destination",
              to.getHost()
                  + " resolves to a private or loopback address ("
                  + address.getHostAddress()
                  + ")");
        }
      }
    } catch (UnknownHostException e) {
      return new FetchResult.Failed(url, "io-error", "unknown host " + to.getHost());
    }
    return null;
  }

  static boolean isPrivate(InetAddress a) {
    byte[] b = a.getAddress();
    return a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()
        || (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) // 100.64/10, carrier NAT
        || (b.length == 4 && (b[0] & 0xff) == 0) // 0.0.0.0/8
        || (b.length == 16 && (b[0] & 0xfe) == 0xfc); // fc00::/7
  }

  /** A Retry-After value (seconds, or an HTTP date) as a wait from {@code now}, at most 24 h. */
  static Duration retryAfter(String value, Instant now) {
    String v = value.strip();
    Duration wait;
    if (v.matches("\\d{1,9}")) {
      wait = Duration.ofSeconds(Long.parseLong(v));
    } else {
      try {
        wait =
            Duration.between(
                now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(Backoff.MAX) > 0 ? Backoff.MAX : wait;
  }

  private FetchResult readBody(
      String url, String current, HttpResponse<InputStream> response, long deadline) {
    AtomicBoolean timedOut = new AtomicBoolean();
    InputStream raw = response.body();
    long left = Math.max(1, deadline - System.nanoTime());
    ScheduledFuture<?> watchdog =
        deadlines.schedule(
            () -> {
              timedOut.set(true);
              closeQuietly(raw);
            },
            left,
            TimeUnit.NANOSECONDS);
    boolean gzip =
        response
            .headers()
            .firstValue("Content-Encoding")
            .orElse("")
            .toLowerCase(Locale.ROOT)
            .contains("gzip");
    try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limits.maxBytes()) {
          return new FetchResult.Failed(
              url, "too-large", current + " - body larger than " + limits.maxBytes() + " bytes");
        }
        out.write(buf, 0, n);
      }
      byte[] body = out.toByteArray();
      Validators next =
          new Validators(
              response.headers().firstValue("ETag").orElse(null),
              response.headers().firstValue("Last-Modified").orElse(null),
              ItemId.contentHash(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)));
      return new FetchResult.Fetched(
          url, current, response.headers().firstValue("Content-Type").orElse(""), body, next);
    } catch (IOException e) {
      return timedOut.get()
          ? timeout(url)
          : new FetchResult.Failed(url, "io-error", current + " - " + e);
    } finally {
      watchdog.cancel(false);
    }
  }

  private FetchResult.Failed timeout(String url) {
    return new FetchResult.Failed(
        url, "timeout", url + " - not complete within " + limits.totalTimeout().toMillis() + " ms");
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // closing a stream we are abandoning: nothing left to do
    }
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
  }
}
