package io.themewire.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers — a URI too long (414), headers too large (431), a request line Jetty
 * cannot parse (400), anything refused before a handler runs — written as {@code
 * application/problem+json} like every other error of the API, instead of Jetty's HTML page. The
 * body never echoes the request (a 20 KB URI stays out of it).
 */
final class JettyProblems extends ErrorHandler {

  private static final HttpField CONTENT_TYPE =
      new HttpField(HttpHeader.CONTENT_TYPE, ApiServer.PROBLEM_JSON);

  /** The stable {@code type} code of an HTTP status Jetty answers by itself. */
  static String type(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 408 -> "request-timeout";
      case 413 -> "body-too-large";
      case 414 -> "uri-too-long";
      case 415 -> "unsupported-media-type";
      case 431 -> "headers-too-large";
      case 500 -> "internal";
      case 501 -> "not-implemented";
      case 503 -> "unavailable";
      case 505 -> "http-version-not-supported";
      default -> "http-" + status;
    };
  }

  /** The problem document for {@code status}, as bytes. */
  static byte[] body(int status, String instance) {
    String title = HttpStatus.getMessage(status);
    ApiProblem.Body body =
        new ApiProblem.Body(
            "/problems/" + type(status),
            title,
            status,
            "the server refused the request before reading it: " + title,
            instance);
    try {
      return HtmlSafeJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
    }
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    byte[] bytes = body(code, path == null || path.length() > 200 ? null : path);
    response.getHeaders().put(CONTENT_TYPE);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(CONTENT_TYPE);
    return ByteBuffer.wrap(body(status, null));
  }
}
