package io.themewire.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.themewire.core.message.ItemId;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches http(s) URLs politely and within {@link FetchLimits}. It only orchestrates; the rules
 * live in their own rooms:
 *
 * <ul>
 *   <li>{@link DestinationPolicy}: only http(s), no https→http, and a host's resolved addresses
 *       (not its name) checked against loopback, private, link-local and multicast ranges — on
 *       every hop, redirects being followed by hand. The connection goes to the addresses the
 *       policy validated (Jetty's client asks the policy for them), with the name in the Host
 *       header and TLS SNI, so the name is never resolved a second time;
 *   <li>{@link RobotsCache}: robots.txt read once a day per site and obeyed;
 *   <li>{@link HostThrottle}: requests to one host spaced by the host delay or its Crawl-delay;
 *   <li>{@link BodyReader}: a byte cap counted after decompression, and the total deadline;
 *   <li>conditional GET ({@code If-None-Match}, {@code If-Modified-Since}) and a body hash for
 *       servers that ignore it, so an unchanged source costs no parse.
 * </ul>
 *
 * Never throws for a bad URL or a bad server: every problem is a {@link FetchResult.Failed} with a
 * {@link FailureKind}. Thread-safe; close it to stop its client and deadline timer.
 */
public final class HttpFetcher implements Fetcher {

  private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

  private final FetchLimits limits;
  private final Clock clock;
  private final Ticker ticker;
  private final DestinationPolicy policy;
  private final RobotsCache robots;
  private final HostThrottle throttle;
  private final BodyReader bodies;
  private final HttpClient client;
  private final MeterRegistry meters;

  public HttpFetcher(FetchLimits limits) {
    this(limits, HostResolver.SYSTEM, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  public HttpFetcher(FetchLimits limits, HostResolver resolver, Clock clock, Sleeper sleeper) {
    this(limits, resolver, clock, sleeper, new SimpleMeterRegistry());
  }

  /**
   * @param meters where {@code fetch.requests} (Prometheus: {@code fetch_requests_total}) counts
   *     each fetch by {@code outcome}: {@code fetched}, {@code not-modified}, or the failure's
   *     {@link FetchResult.Failed#metricTag() tag} ({@code blocked}, {@code http-4xx}, {@code
   *     timeout}, ...)
   */
  public HttpFetcher(
      FetchLimits limits,
      HostResolver resolver,
      Clock clock,
      Sleeper sleeper,
      MeterRegistry meters) {
    this(limits, resolver, clock, sleeper, meters, Ticker.SYSTEM);
  }

  /** As above, with the clock deadlines are measured on. */
  public HttpFetcher(
      FetchLimits limits,
      HostResolver resolver,
      Clock clock,
      Sleeper sleeper,
      MeterRegistry meters,
      Ticker ticker) {
    this.limits = limits;
    this.clock = clock;
    this.ticker = ticker;
    this.meters = meters;
    this.policy =
        new DestinationPolicy(resolver, limits.allowPrivate(), limits.allowDowngrade(), ticker);
    this.robots = new RobotsCache(limits.robotName(), clock);
    this.throttle = new HostThrottle(clock, sleeper);
    this.bodies = new BodyReader(limits.maxBytes(), ticker);
    this.client = startClient(limits, policy);
    if (limits.allowPrivate()) {
      log.warn(
          "fetching private and loopback addresses is allowed (THEMEWIRE_FETCH_ALLOW_PRIVATE)");
    }
  }

  private static HttpClient startClient(FetchLimits limits, DestinationPolicy policy) {
    HttpClient client = new HttpClient();
    client.setFollowRedirects(false);
    client.setConnectTimeout(limits.connectTimeout().toMillis());
    client.setUserAgentField(null);
    // Bodies are decompressed by BodyReader, which counts the cap after decompression.
    client.getContentDecoderFactories().clear();
    client.setSocketAddressResolver(pinnedAddresses(policy));
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the HTTP client: " + e, e);
    }
    return client;
  }

  /** Jetty connects only to the addresses the policy validated for the host. */
  private static SocketAddressResolver pinnedAddresses(DestinationPolicy policy) {
    return (host, port, context, promise) -> {
      try {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (InetAddress address : policy.pinned(host)) {
          addresses.add(new InetSocketAddress(address, port));
        }
        promise.succeeded(addresses);
      } catch (UnknownHostException e) {
        promise.failed(e);
      }
    };
  }

  @Override
  public FetchResult fetch(String url, Validators validators) {
    FetchResult result = fetchUncounted(url, validators);
    count(result);
    return result;
  }

  /**
   * Whether {@code url} may be fetched at all under the destination policy (scheme, resolved
   * address), without fetching it: for checking a source when it is added. Refusals are counted.
   */
  @Override
  public Optional<FetchResult.Failed> refusal(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.of(badUrl(url, url));
    }
    FetchResult.Failed refused = policy.check(url, null, uri);
    if (refused != null) {
      count(refused);
    }
    return Optional.ofNullable(refused);
  }

  /** The policy for one hop (see {@link DestinationPolicy#check}); null when allowed. */
  FetchResult.Failed checkDestination(String url, URI from, URI to) {
    return policy.check(url, from, to);
  }

  private void count(FetchResult result) {
    String outcome;
    if (result instanceof FetchResult.Failed f) {
      outcome = f.metricTag();
    } else {
      outcome = result instanceof FetchResult.Fetched ? "fetched" : "not-modified";
    }
    meters.counter("fetch.requests", "outcome", outcome).increment();
  }

  private FetchResult fetchUncounted(String url, Validators validators) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return badUrl(url, url);
    }
    FetchResult.Failed refused = policy.check(url, null, uri);
    if (refused != null) {
      return refused;
    }
    FetchResult.Failed impolite =
        limits.obeyRobots() ? politeTurn(url, uri) : waitTurn(url, uri, limits.hostDelay());
    if (impolite != null) {
      return impolite;
    }
    return get(url, validators, limits.obeyRobots());
  }

  /**
   * Obeys {@code uri}'s site: its robots.txt, then its turn under the host delay or Crawl-delay.
   */
  private FetchResult.Failed politeTurn(String url, URI uri) {
    BaseRobotRules rules = robots.rulesFor(uri, site -> get(site, Validators.NONE, false));
    if (rules.isDeferVisits()) {
      return new FetchResult.Failed(
          url,
          FailureKind.ROBOTS_UNAVAILABLE,
          0,
          uri + " - robots.txt unavailable; retrying later",
          RobotsCache.RETRY);
    }
    if (!rules.isAllowed(uri.toString())) {
      return new FetchResult.Failed(
          url, FailureKind.ROBOTS_DISALLOWED, uri + " - disallowed by robots.txt");
    }
    Duration delay = limits.hostDelay();
    if (rules.getCrawlDelay() > 0) {
      Duration crawlDelay =
          Duration.ofMillis(
              Math.min(rules.getCrawlDelay(), FetchLimits.MAX_CRAWL_DELAY.toMillis()));
      delay = crawlDelay.compareTo(delay) > 0 ? crawlDelay : delay;
    }
    return waitTurn(url, uri, delay);
  }

  private FetchResult.Failed waitTurn(String url, URI uri, Duration delay) {
    try {
      throttle.acquire(hostKey(uri), delay);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FetchResult.Failed(url, FailureKind.IO_ERROR, url + " - interrupted");
    }
  }

  static String hostKey(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
  }

  /**
   * One GET with its redirects. Each hop passes the destination policy; a hop to another site also
   * passes that site's robots.txt and waits its turn, when {@code polite}.
   */
  private FetchResult get(String url, Validators validators, boolean polite) {
    long deadline = ticker.nanos() + limits.totalTimeout().toNanos();
    String current = url;
    URI previous = null;
    for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
      URI uri;
      try {
        uri = URI.create(current);
      } catch (IllegalArgumentException e) {
        return badUrl(url, current);
      }
      FetchResult.Failed refused = policy.check(url, previous, uri);
      if (refused != null) {
        return refused;
      }
      if (polite && previous != null && !hostKey(previous).equals(hostKey(uri))) {
        FetchResult.Failed impolite = politeTurn(url, uri);
        if (impolite != null) {
          return impolite;
        }
      }
      long left = deadline - ticker.nanos();
      if (left <= 0) {
        return timeout(url);
      }
      InputStreamResponseListener listener = new InputStreamResponseListener();
      request(uri, validators, left).send(listener);
      Response response;
      try {
        response = listener.get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return timeout(url);
      } catch (ExecutionException e) {
        return connectFailure(url, current, previous != null, e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new FetchResult.Failed(url, FailureKind.IO_ERROR, current + " - interrupted");
      }
      int status = response.getStatus();
      String location = response.getHeaders().get(HttpHeader.LOCATION);
      if (status >= 300 && status < 400 && status != 304 && location != null) {
        BodyReader.closeQuietly(listener.getInputStream());
        previous = uri;
        try {
          current = uri.resolve(location.strip()).toString();
        } catch (IllegalArgumentException e) {
          return new FetchResult.Failed(
              url, FailureKind.BAD_URL, current + " - redirects to an invalid URL");
        }
        continue;
      }
      if (status == 304) {
        BodyReader.closeQuietly(listener.getInputStream());
        return new FetchResult.NotModified(url, "not-modified");
      }
      if (status < 200 || status >= 300) {
        BodyReader.closeQuietly(listener.getInputStream());
        String wait = response.getHeaders().get(HttpHeader.RETRY_AFTER);
        Duration retryAfter = wait == null ? null : retryAfter(wait, clock.instant());
        return FetchResult.Failed.http(
            url, status, current + " answered HTTP " + status, retryAfter);
      }
      FetchResult result = readBody(url, current, response, listener, deadline);
      if (result instanceof FetchResult.Fetched f
          && validators.bodyHash() != null
          && validators.bodyHash().equals(f.validators().bodyHash())) {
        return new FetchResult.NotModified(url, "unchanged-body");
      }
      return result;
    }
    return new FetchResult.Failed(
        url,
        FailureKind.TOO_MANY_REDIRECTS,
        url + " - more than " + limits.maxRedirects() + " redirects");
  }

  private Request request(URI uri, Validators validators, long leftNanos) {
    return client
        .newRequest(uri)
        .method(HttpMethod.GET)
        .timeout(leftNanos, TimeUnit.NANOSECONDS)
        .headers(
            h -> {
              h.put(HttpHeader.USER_AGENT, limits.userAgent());
              h.put(HttpHeader.ACCEPT_ENCODING, "gzip");
              if (validators.etag() != null) {
                h.put(HttpHeader.IF_NONE_MATCH, validators.etag());
              }
              if (validators.lastModified() != null) {
                h.put(HttpHeader.IF_MODIFIED_SINCE, validators.lastModified());
              }
            });
  }

  /** A request that failed before any answer: refused at connect time, unresolvable, or I/O. */
  private FetchResult.Failed connectFailure(
      String url, String current, boolean redirected, Throwable cause) {
    if (cause instanceof DestinationPolicy.Refused refused) {
      return new FetchResult.Failed(
          url,
          redirected ? FailureKind.BLOCKED_REDIRECT : FailureKind.BLOCKED_DESTINATION,
          refused.getMessage());
    }
    if (cause instanceof UnknownHostException) {
      return new FetchResult.Failed(
          url, FailureKind.UNKNOWN_HOST, "unknown host " + URI.create(current).getHost());
    }
    if (cause instanceof TimeoutException) {
      return timeout(url);
    }
    return new FetchResult.Failed(url, FailureKind.IO_ERROR, current + " - " + cause);
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
      String url,
      String current,
      Response response,
      InputStreamResponseListener listener,
      long deadline) {
    String encoding = response.getHeaders().get(HttpHeader.CONTENT_ENCODING);
    boolean gzip = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
    InputStream raw = listener.getInputStream();
    try {
      byte[] body = bodies.read(raw, gzip, deadline);
      Validators next =
          new Validators(
              response.getHeaders().get(HttpHeader.ETAG),
              response.getHeaders().get(HttpHeader.LAST_MODIFIED),
              ItemId.contentHash(new String(body, StandardCharsets.ISO_8859_1)));
      String type = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
      return new FetchResult.Fetched(url, current, type == null ? "" : type, body, next);
    } catch (BodyReader.Stopped e) {
      BodyReader.closeQuietly(raw);
      return e.kind == FailureKind.TIMEOUT
          ? timeout(url)
          : new FetchResult.Failed(url, e.kind, current + " - " + e.getMessage());
    } catch (IOException e) {
      // The request's own total timeout and the body reader's watchdog share one deadline:
      // whichever
      // fires first, a body cut off at the deadline is a timeout.
      return ticker.nanos() - deadline >= 0
          ? timeout(url)
          : new FetchResult.Failed(url, FailureKind.IO_ERROR, current + " - " + e);
    }
  }

  private FetchResult.Failed timeout(String url) {
    return new FetchResult.Failed(
        url,
        FailureKind.TIMEOUT,
        url + " - not complete within " + limits.totalTimeout().toMillis() + " ms");
  }

  private static FetchResult.Failed badUrl(String url, String given) {
    return new FetchResult.Failed(url, FailureKind.BAD_URL, "not a valid URL: " + given);
  }

  @Override
  public void close() {
    bodies.close();
    try {
      client.stop();
    } catch (Exception e) {
      log.debug("HTTP client did not stop cleanly: {}", e.toString());
    }
  }
}
