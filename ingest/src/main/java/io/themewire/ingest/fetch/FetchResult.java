package io.themewire.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/** What a fetch gave: a body, a "nothing new", or a typed failure. */
public sealed interface FetchResult {

  /** The URL that was asked for. */
  String url();

  /**
   * A 2xx response read in full within the limits.
   *
   * @param url the URL asked for
   * @param finalUrl the URL the body came from, after redirects
   * @param contentType the Content-Type header, or empty
   * @param body the body, decompressed
   * @param validators what to send next time to ask whether it changed
   */
  record Fetched(
      String url, String finalUrl, String contentType, byte[] body, Validators validators)
      implements FetchResult {
    public Fetched {
      Objects.requireNonNull(body, "body");
      contentType = contentType == null ? "" : contentType;
      validators = validators == null ? Validators.NONE : validators;
    }
  }

  /**
   * Nothing new since the validators the caller sent: a 304, or a 200 whose body hashes the same.
   *
   * @param reason {@code not-modified} (304) or {@code unchanged-body} (same hash)
   */
  record NotModified(String url, String reason) implements FetchResult {}

  /**
   * The fetch did not give a usable body.
   *
   * @param reason a stable code: {@code blocked-destination}, {@code blocked-redirect}, {@code
   *     insecure-redirect}, {@code bad-scheme}, {@code bad-url}, {@code too-many-redirects}, {@code
   *     too-large}, {@code timeout}, {@code robots-disallowed}, {@code robots-unavailable}, {@code
   *     http-NNN}, {@code io-error}
   * @param message what happened, naming the URL
   * @param retryAfter how long the server asked us to wait ({@code Retry-After}), or null
   */
  record Failed(String url, String reason, String message, Duration retryAfter)
      implements FetchResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }

    public Failed(String url, String reason, String message) {
      this(url, reason, message, null);
    }

    /** Whether trying again later may help (timeouts, 5xx, 429, I/O errors, robots unavailable). */
    public boolean isRetryable() {
      return reason.equals("timeout")
          || reason.equals("io-error")
          || reason.equals("http-429")
          || reason.equals("robots-unavailable")
          || reason.startsWith("http-5");
    }
  }
}
