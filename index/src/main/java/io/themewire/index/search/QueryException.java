package io.themewire.index.search;

/**
 * A query the index refuses: malformed, too long, too deep, too expensive. The API turns it into a
 * 400 problem whose {@code type} is {@link #reason()}.
 */
public final class QueryException extends RuntimeException {

  private final String reason;

  /**
   * @param reason stable code: {@code query-syntax}, {@code query-too-long}, {@code
   *     query-too-deep}, {@code leading-wildcard}, {@code regex-not-allowed}, {@code
   *     too-many-clauses}
   * @param message one line for the user
   */
  public QueryException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
