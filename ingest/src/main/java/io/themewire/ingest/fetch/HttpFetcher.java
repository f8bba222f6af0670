package io.themewire.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches http(s) URLs within {@link FetchLimits}: redirects followed by hand and each hop checked
 * again (scheme, destination), a total deadline that closes the connection, and a byte cap counted
 * after decompression. Never throws for a bad URL or a bad server: every problem is a {@link
 * FetchResult.Failed}. Thread-safe; close it to stop its deadline timer.
 */
public final class HttpFetcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

  private final FetchLimits limits;
  private final HttpClient client;
  private final ScheduledExecutorService deadlines;

  public HttpFetcher(FetchLimits limits) {
    this.limits = limits;
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
      log.warn("fetching private and loopback addresses is allowed (fetch.allow-private=true)");
    }
  }

  public FetchResult fetch(String url) {
    long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
    String current = url;
    for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
      URI uri;
      try {
        uri = URI.create(current);
      } catch (IllegalArgumentException e) {
        return new FetchResult.Failed(url, "bad-url", "not a valid URL: " + current);
      }
      FetchResult.Failed refused = checkDestination(url, uri, hop > 0);
      if (refused != null) {
        return refused;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return timeout(url);
      }
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(java.time.Duration.ofNanos(left))
              .header("User-Agent", limits.userAgent())
              .header("Accept-Encoding", "gzip")
              .GET()
              .build();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (java.net.http.HttpTimeoutException e) {
        return timeout(url);
      } catch (IOException e) {
        return new FetchResult.Failed(url, "io-error", current + " - " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new FetchResult.Failed(url, "io-error", current + " - interrupted");
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
        closeQuietly(response.body());
        String location = response.headers().firstValue("Location").get();
        current = uri.resolve(location.strip()).toString();
        continue;
      }
      if (status < 200 || status >= 300) {
        closeQuietly(response.body());
        return new FetchResult.Failed(url, "http-" + status, current + " answered HTTP " + status);
      }
      return readBody(url, current, response, deadline);
    }
    return new FetchResult.Failed(
        url, "too-many-redirects", url + " - more than " + limits.maxRedirects() + " redirects");
  }

  private FetchResult.Failed checkDestination(String url, URI uri, boolean redirected) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new FetchResult.Failed(
          url,
          redirected ? "blocked-redirect" : "bad-scheme",
          "only http(s) is fetched, not " + uri);
    }
    if (uri.getHost() == null) {
      return new FetchResult.Failed(url, "bad-url", "URL has no host: " + uri);
    }
    if (limits.allowPrivate()) {
      return null;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
        if (isPrivate(address)) {
          return new FetchResult.Failed(
              url,
              redirected ? "blocked-redirect" : "blocked-destination",
              uri.getHost()
                  + " resolves to a private or loopback address ("
                  + address.getHostAddress()
                  + ")");
        }
      }
    } catch (UnknownHostException e) {
      return new FetchResult.Failed(url, "io-error", "unknown host " + uri.getHost());
    }
    return null;
  }

  static boolean isPrivate(InetAddress a) {
    return a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()
        || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc); // fc00::/7
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
      return new FetchResult.Fetched(
          url,
          current,
          response.headers().firstValue("Content-Type").orElse(""),
          out.toByteArray());
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
