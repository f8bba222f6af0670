package io.themewire.ingest.fetch;

/**
 * Why a fetch gave no usable body. Each kind owns its stable code (in logs, source health and dead
 * letters), whether trying again later may help, and the tag it is counted under in {@code
 * fetch_requests_total}; nothing parses a reason string back.
 */
public enum FailureKind {
  /** The name resolves to a loopback, private, link-local or multicast address. */
  BLOCKED_DESTINATION("blocked-destination", false, "blocked"),
  /** A redirect leads to an address or scheme the policy refuses. */
  BLOCKED_REDIRECT("blocked-redirect", false, "blocked"),
  /** An https URL redirects to http. */
  INSECURE_REDIRECT("insecure-redirect", false, "blocked"),
  /** Not http or https. */
  BAD_SCHEME("bad-scheme", false, "blocked"),
  /** Not a URL, or one without a host. */
  BAD_URL("bad-url", false, "bad-url"),
  TOO_MANY_REDIRECTS("too-many-redirects", false, "too-many-redirects"),
  /** The body is larger than the cap, counted after decompression. */
  TOO_LARGE("too-large", false, "too-large"),
  /** Not complete within the total deadline. */
  TIMEOUT("timeout", true, "timeout"),
  ROBOTS_DISALLOWED("robots-disallowed", false, "robots-disallowed"),
  /** robots.txt answered 5xx or could not be read: the site is deferred. */
  ROBOTS_UNAVAILABLE("robots-unavailable", true, "robots-unavailable"),
  /** The name does not resolve. */
  UNKNOWN_HOST("unknown-host", true, "unknown-host"),
  /** A connection or read failed. */
  IO_ERROR("io-error", true, "io-error"),
  /** The server answered a non-2xx, non-redirect status; the code carries it. */
  HTTP_STATUS("http", false, "http");

  private final String code;
  private final boolean retryable;
  private final String tag;

  FailureKind(String code, boolean retryable, String tag) {
    this.code = code;
    this.retryable = retryable;
    this.tag = tag;
  }

  /** The stable code: {@code timeout}, {@code blocked-destination}, or {@code http-503}. */
  public String code(int status) {
    return this == HTTP_STATUS ? "http-" + status : code;
  }

  /** Whether a later attempt may succeed: timeouts, I/O, 429 and 5xx answers, deferred robots. */
  public boolean retryable(int status) {
    return this == HTTP_STATUS ? status == 429 || status >= 500 : retryable;
  }

  /** The {@code outcome} tag it is counted under: {@code blocked}, {@code http-4xx}, ... */
  public String metricTag(int status) {
    return this == HTTP_STATUS ? "http-" + (status / 100) + "xx" : tag;
  }
}
