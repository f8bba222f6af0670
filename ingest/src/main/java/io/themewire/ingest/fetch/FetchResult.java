package io.themewire.ingest.fetch;

import java.util.Objects;

/** What a fetch gave: a body, or a typed failure. */
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
   */
  record Fetched(String url, String finalUrl, String contentType, byte[] body)
      implements FetchResult {
    public Fetched {
      Objects.requireNonNull(body, "body");
      contentType = contentType == null ? "" : contentType;
    }
  }

  /**
   * The fetch did not give a usable body.
   *
   * @param reason a stable code: {@code blocked-destination}, {@code blocked-redirect}, {@code
   *     bad-scheme}, {@code too-many-redirects}, {@code too-large}, {@code timeout}, {@code
   *     http-NNN}, {@code io-error}
   * @param message what happened, naming the URL
   */
  record Failed(String url, String reason, String message) implements FetchResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }

    /** Whether trying again later may help (timeouts, 5xx, 429, I/O errors). */
    public boolean isRetryable() {
      return reason.equals("timeout")
          || reason.equals("io-error")
          || reason.equals("http-429")
          || reason.startsWith("http-5");
    }
  }
}
