package io.themewire.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.index.lucene.LuceneArticleIndex;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors Jetty raises before any handler runs come back as problem+json with a stable type, like
 * the API's own: a real server on a free port, called over HTTP and over a raw socket.
 */
class JettyProblemsIT {

  @TempDir static Path dir;
  static LuceneArticleIndex index;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    index = LuceneArticleIndex.open(dir);
    index.commit();
    server = ApiServer.start(index, ApiServer.Options.of(List.of()), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static void assertProblem(int status, String contentType, String body, String type)
      throws Exception {
    assertThat(contentType).startsWith(ApiServer.PROBLEM_JSON);
    JsonNode p = Json.mapper().readTree(body);
    assertThat(p.path("type").asText()).isEqualTo("/problems/" + type);
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(body).doesNotContain("<html").doesNotContain("xxxxxxxxxx");
  }

  @Test
  void aTwentyKilobyteUrl_isA414Problem() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + server.port()
                            + "/api/search?q="
                            + "x".repeat(20 * 1024)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(414);
    assertProblem(414, r.headers().firstValue("Content-Type").orElse(""), r.body(), "uri-too-long");
  }

  @Test
  void hugeHeaders_areA431Problem() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .header("X-Padding", "x".repeat(20 * 1024))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(431);
    assertProblem(
        431, r.headers().firstValue("Content-Type").orElse(""), r.body(), "headers-too-large");
  }

  @Test
  void aRequestLineJettyCannotParse_isA400Problem() throws Exception {
    Raw r = raw("GET /health HTTP/1.1 trailing junk\r\nHost: x\r\n\r\n");
    assertThat(r.status).isEqualTo(400);
    assertProblem(400, r.contentType, r.body, "bad-request");
  }

  @Test
  void anIllegalCharacterInTheTarget_isA400Problem() throws Exception {
    Raw r = raw("GET /api/search?q=\u0001 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(r.status).isEqualTo(400);
    assertProblem(400, r.contentType, r.body, "bad-request");
  }

  @Test
  void anUnknownRoute_isStillTheApisOwn404Problem() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nope"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
    assertProblem(404, r.headers().firstValue("Content-Type").orElse(""), r.body(), "not-found");
  }

  record Raw(int status, String contentType, String body) {}

  /** Sends {@code request} as bytes and reads the whole answer (the server closes after it). */
  static Raw raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        all.write(buf, 0, n);
        String sofar = all.toString(StandardCharsets.ISO_8859_1);
        int end = sofar.indexOf("\r\n\r\n");
        if (end > 0) {
          String head = sofar.substring(0, end).toLowerCase(Locale.ROOT);
          int cl = head.indexOf("content-length:");
          if (cl >= 0) {
            int len =
                Integer.parseInt(head.substring(cl + 15).lines().findFirst().orElse("0").strip());
            if (sofar.length() >= end + 4 + len) {
              break;
            }
          }
        }
      }
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = text.substring(0, end);
      int status = Integer.parseInt(head.substring(9, 12));
      String contentType =
          head.lines()
              .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
              .map(l -> l.substring(13).strip())
              .findFirst()
              .orElse("");
      return new Raw(status, contentType, text.substring(end + 4));
    }
  }
}
