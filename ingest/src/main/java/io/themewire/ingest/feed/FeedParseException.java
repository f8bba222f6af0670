package io.themewire.ingest.feed;

/**
 * A document could not be read as a feed.
 *
 * <p>{@link #reason()} is a stable code for counting:
 *
 * <ul>
 *   <li>{@code empty}: no bytes, only white space, or no element at all;
 *   <li>{@code not-a-feed}: text that is not markup, a root element that is not {@code rss}, RDF,
 *       {@code feed}, {@code channel} or an Atom {@code entry}, or JSON that is not a JSON Feed;
 *   <li>{@code parse-error}: a feed that even the lenient reader could not recover an entry from
 *       although it has some, or invalid JSON.
 * </ul>
 *
 * <p>The message is one line: the reason, then what was wrong.
 */
public final class FeedParseException extends Exception {

  private final String reason;

  public FeedParseException(String reason, String message, Throwable cause) {
    super(reason + ": " + oneLine(message), cause);
    this.reason = reason;
  }

  public FeedParseException(String reason, String message) {
    this(reason, message, null);
  }

  public String reason() {
    return reason;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").strip();
  }
}
