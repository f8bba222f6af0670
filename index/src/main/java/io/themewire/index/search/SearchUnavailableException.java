package io.themewire.index.search;

/**
 * A search the index could not answer in time: it ran past its time budget ({@code query-timeout}),
 * or the search pool was full or did not free a thread in time ({@code search-busy}). Not the
 * caller's fault; the API answers 503 with {@code type} {@link #reason()}. See {@link QueryLimits}.
 */
public final class SearchUnavailableException extends RuntimeException {

  private final String reason;

  /**
   * @param reason {@code query-timeout} or {@code search-busy}
   * @param message one line naming the budget, the time spent and the pool's state
   */
  public SearchUnavailableException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
