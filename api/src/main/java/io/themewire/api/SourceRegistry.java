package io.themewire.api;

/**
 * Adds a source to those being polled ({@code POST /api/sources}). Implementations check the source
 * against the destination policy before anything is fetched. Thread-safe.
 */
@FunctionalInterface
public interface SourceRegistry {

  /**
   * Adds a feed, page or thread URL.
   *
   * @return the new source's status
   * @throws Rejected when the URL may not be polled; nothing was fetched
   */
  SourceStatus add(String url) throws Rejected;

  /**
   * A source that may not be added.
   *
   * @param reason stable code: {@code blocked-destination}, {@code bad-scheme}, {@code bad-url},
   *     {@code duplicate}
   */
  final class Rejected extends Exception {
    private final String reason;

    public Rejected(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
