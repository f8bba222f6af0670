package io.themewire.ingest.feed;

/**
 * A document could not be read as a feed.
 *
 * <p>{@link #reason()} is a stable code for counting: {@code parse-error} or {@code
 * doctype-not-allowed}.
 */
public final class FeedParseException extends Exception {

  private final String reason;

  public FeedParseException(String reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
