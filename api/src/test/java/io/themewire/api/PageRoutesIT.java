package io.themewire.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.index.lucene.LuceneArticleIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The web page and its assets from a real server on a free port, read with a real HTTP client. */
class PageRoutesIT {

  static final String CSP =
      "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'";

  @TempDir static Path dir;
  static LuceneArticleIndex index;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    index = LuceneArticleIndex.open(dir);
    server =
        ApiServer.start(
            index,
            ApiServer.Options.of(List.of(new ThemeInfo("other", "Other", "...")))
                .withRoutes(PageRoutes.bundled()),
            "127.0.0.1",
            0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The page and every file it may load, as PageRoutes lists them (none left out by hand). */
  static Stream<String> pageAndEveryAsset() {
    return Stream.concat(Stream.of("/"), PageRoutes.ASSETS.stream().map(a -> "/assets/" + a));
  }

  // RELIABILITY row 29: the page and every asset carry the CSP (no inline script allowed) and
  // nosniff; WebPageIT sees no CSP violation in the browser after each of its tests
  @ParameterizedTest
  @MethodSource("pageAndEveryAsset")
  void pageAndAssets_carryTheSecurityHeaders(String path) throws Exception {
    HttpResponse<String> r = get(path);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("ETag")).isPresent();
    assertThat(r.body()).isNotBlank();
  }

  @Test
  void assets_haveTheirOwnContentTypes_soNosniffDoesNotBlockThem() throws Exception {
    assertThat(get("/").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(get("/assets/app.js").headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(get("/assets/style.css").headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/css");
    assertThat(get("/assets/favicon.svg").headers().firstValue("Content-Type").orElseThrow())
        .startsWith("image/svg+xml");
  }

  // RELIABILITY row 29: no inline script (or style, or handler) for the CSP to have to allow
  @Test
  void page_hasNoInlineScriptOrStyle_andLoadsNothingFromElsewhere() throws Exception {
    String html = get("/").body().toLowerCase(Locale.ROOT);

    // Every <script> has a src on this origin and no body; no style attributes or blocks.
    assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=\"/assets/)");
    assertThat(html).doesNotContainPattern("<script[^>]*>[^<]+</script>");
    assertThat(html).doesNotContain("<style").doesNotContain(" style=");
    assertThat(html).doesNotContainPattern("\\son[a-z]+=");
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
  }

  @Test
  void script_neverAssignsInnerHtml() throws Exception {
    String js = get("/assets/app.js").body();

    assertThat(js).doesNotContain("innerHTML").doesNotContain("outerHTML");
    assertThat(js).doesNotContain("insertAdjacentHTML").doesNotContain("document.write");
    assertThat(js).doesNotContain("eval(").doesNotContain("new Function");
  }

  @Test
  void unchangedAsset_isRevalidatedWith304() throws Exception {
    String etag = get("/assets/app.js").headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = get("/assets/app.js", "If-None-Match", etag);

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/assets/nope.js",
        "/assets/index.html",
        "/assets/..%2F..%2FPageRoutes.class",
        "/assets/%2e%2e%2fapp.js",
        "/assets/App.JS"
      })
  void unknownAsset_isANotFoundProblem_notAClasspathRead(String path) throws Exception {
    HttpResponse<String> r = get(path);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(ApiServer.PROBLEM_JSON);
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
    assertThat(r.body()).doesNotContain("<");
  }
}
