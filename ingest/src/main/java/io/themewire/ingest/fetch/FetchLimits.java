package io.themewire.ingest.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bounds of every fetch. Build with {@link #defaults()} and the {@code with...} methods; every
 * value is checked at once and a bad one names the field.
 *
 * @param connectTimeout how long to wait for a connection; default 10 s
 * @param totalTimeout the deadline for a whole fetch, redirects and body included; default 30 s
 * @param maxBytes the cap on a body, counted after decompression; default 10 MiB
 * @param maxRedirects redirects followed before giving up; default 5
 * @param allowPrivate whether loopback, private and link-local addresses may be fetched; default
 *     false (tests that serve fixtures on 127.0.0.1 turn it on)
 * @param userAgent the User-Agent header
 */
public record FetchLimits(
    Duration connectTimeout,
    Duration totalTimeout,
    long maxBytes,
    int maxRedirects,
    boolean allowPrivate,
    String userAgent) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_REDIRECTS = 5;
  public static final String DEFAULT_USER_AGENT = "Themewire/0.1 (+https://themewire.example/bot)";

  public FetchLimits {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    List<String> problems = new ArrayList<>();
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      problems.add("connectTimeout must be positive, got " + connectTimeout);
    }
    if (totalTimeout.isNegative() || totalTimeout.isZero()) {
      problems.add("totalTimeout must be positive, got " + totalTimeout);
    }
    if (maxBytes < 1) {
      problems.add("maxBytes must be at least 1, got " + maxBytes);
    }
    if (maxRedirects < 0 || maxRedirects > 20) {
      problems.add("maxRedirects must be 0..20, got " + maxRedirects);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid fetch limits: " + String.join("; ", problems));
    }
  }

  public static FetchLimits defaults() {
    return new FetchLimits(
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_TOTAL_TIMEOUT,
        DEFAULT_MAX_BYTES,
        DEFAULT_MAX_REDIRECTS,
        false,
        DEFAULT_USER_AGENT);
  }

  public FetchLimits withTotalTimeout(Duration d) {
    return new FetchLimits(connectTimeout, d, maxBytes, maxRedirects, allowPrivate, userAgent);
  }

  public FetchLimits withMaxBytes(long bytes) {
    return new FetchLimits(
        connectTimeout, totalTimeout, bytes, maxRedirects, allowPrivate, userAgent);
  }

  public FetchLimits withAllowPrivate(boolean allow) {
    return new FetchLimits(connectTimeout, totalTimeout, maxBytes, maxRedirects, allow, userAgent);
  }
}
