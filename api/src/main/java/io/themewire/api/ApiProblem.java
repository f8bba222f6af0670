package io.themewire.api;

/**
 * An error the API answers with an {@code application/problem+json} body (RFC 9457). {@code type}
 * is a stable short code ({@code query-syntax}, {@code not-found}, ...) that clients may switch on.
 */
public final class ApiProblem extends RuntimeException {

  private final int status;
  private final String type;
  private final String title;

  public ApiProblem(int status, String type, String title, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** The JSON body. {@code detail} may echo user input: it is JSON-escaped, never HTML. */
  Body body(String instance) {
    return new Body("/problems/" + type, title, status, getMessage(), instance);
  }

  /** The problem document's fields. */
  record Body(String type, String title, int status, String detail, String instance) {}

  static ApiProblem badRequest(String type, String detail) {
    return new ApiProblem(400, type, "Bad request", detail);
  }

  static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "not-found", "Not found", detail);
  }
}
