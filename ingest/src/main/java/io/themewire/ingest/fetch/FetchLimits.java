package io.themewire.ingest.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bounds and manners of every fetch. Build with {@link #defaults()} and the {@code with...}
 * methods; every value is checked at once and a bad one names the field.
 *
 * @param connectTimeout how long to wait for a connection; default 10 s
 * @param totalTimeout the deadline for a whole fetch, redirects and body included; default 30 s
 * @param maxBytes the cap on a body, counted after decompression; default 10 MiB
 * @param maxRedirects redirects followed before giving up; default 5
 * @param allowPrivate whether loopback, private and link-local addresses may be fetched; default
 *     false (tests that serve fixtures on 127.0.0.1 turn it on)
 * @param userAgent the User-Agent header; its first word is the name robots.txt rules are read for
 * @param hostDelay the least time between two requests to one host; default 1 s (a robots.txt
 *     {@code Crawl-delay} can make it longer, up to {@link #MAX_CRAWL_DELAY})
 * @param obeyRobots whether robots.txt is read and obeyed; default true
 * @param allowDowngrade whether an https URL may redirect to http; default false
 */
public record FetchLimits(
    Duration connectTimeout,
    Duration totalTimeout,
    long maxBytes,
    int maxRedirects,
    boolean allowPrivate,
    String userAgent,
    Duration hostDelay,
    boolean obeyRobots,
    boolean allowDowngrade) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_REDIRECTS = 5;
  public static final String DEFAULT_USER_AGENT = "themewire/0.1 (+https://themewire.example/bot)";
  public static final Duration DEFAULT_HOST_DELAY = Duration.ofSeconds(1);

  /** A robots.txt Crawl-delay above this is capped to it. */
  public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);

  public FetchLimits {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(hostDelay, "hostDelay");
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
    if (hostDelay.isNegative()) {
      problems.add("hostDelay must not be negative, got " + hostDelay);
    }
    if (userAgent.isBlank()) {
      problems.add("userAgent must not be blank");
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
        DEFAULT_USER_AGENT,
        DEFAULT_HOST_DELAY,
        true,
        false);
  }

  /**
   * The name robots.txt groups are matched against: the User-Agent's first word, before any '/'.
   */
  public String robotName() {
    String first = userAgent.strip().split("\\s+")[0];
    int slash = first.indexOf('/');
    return (slash > 0 ? first.substring(0, slash) : first).toLowerCase(java.util.Locale.ROOT);
  }

  public FetchLimits withTotalTimeout(Duration d) {
    return new FetchLimits(
        connectTimeout,
        d,
        maxBytes,
        maxRedirects,
        allowPrivate,
        userAgent,
        hostDelay,
        obeyRobots,
        allowDowngrade);
  }

  public FetchLimits withMaxBytes(long bytes) {
    return new FetchLimits(
        connectTimeout,
        totalTimeout,
        bytes,
        maxRedirects,
        allowPrivate,
        userAgent,
        hostDelay,
        obeyRobots,
        allowDowngrade);
  }

  public FetchLimits withAllowPrivate(boolean allow) {
    return new FetchLimits(
        connectTimeout,
        totalTimeout,
        maxBytes,
        maxRedirects,
        allow,
        userAgent,
        hostDelay,
        obeyRobots,
        allowDowngrade);
  }

  public FetchLimits withHostDelay(Duration d) {
    return new FetchLimits(
        connectTimeout,
        totalTimeout,
        maxBytes,
        maxRedirects,
        allowPrivate,
        userAgent,
        d,
        obeyRobots,
        allowDowngrade);
  }

  public FetchLimits withObeyRobots(boolean obey) {
    return new FetchLimits(
        connectTimeout,
        totalTimeout,
        maxBytes,
        maxRedirects,
        allowPrivate,
        userAgent,
        hostDelay,
        obey,
        allowDowngrade);
  }

  public FetchLimits withAllowDowngrade(boolean allow) {
    return new FetchLimits(
        connectTimeout,
        totalTimeout,
        maxBytes,
        maxRedirects,
        allowPrivate,
        userAgent,
        hostDelay,
        obeyRobots,
        allow);
  }
}
