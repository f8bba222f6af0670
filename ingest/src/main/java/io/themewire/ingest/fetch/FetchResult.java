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
   * @param kind why, as a type (see {@link FailureKind})
   * @param status the HTTP status for {@link FailureKind#HTTP_STATUS}, else 0
   * @param message what happened, naming the URL
   * @param retryAfter how long the server asked us to wait ({@code Retry-After}), or null
   */
  record Failed(String url, FailureKind kind, int status, String message, Duration retryAfter)
      implements FetchResult {
    public Failed {
      Objects.requireNonNull(kind, "kind");
    }

    public Failed(String url, FailureKind kind, String message) {
      this(url, kind, 0, message, null);
    }

    /** A non-2xx answer. */
    public static Failed http(String url, int status, String message, Duration retryAfter) {
      return new Failed(url, FailureKind.HTTP_STATUS, status, message, retryAfter);
    }

    /** The stable code: {@code timeout}, {@code blocked-destination}, {@code http-503}, ... */
    public String reason() {
      return kind.code(status);
    }

    /** Whether trying again later may help (timeouts, 5xx, 429, I/O errors, robots unavailable). */
    public boolean isRetryable() {
      return kind.retryable(status);
    }

    /** The {@code outcome} tag this failure is counted under. */
    public String metricTag() {
      return kind.metricTag(status);
    }
  }
}
