package io.themewire.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.Evidence;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import io.themewire.index.lucene.LuceneArticleIndex;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a free port, called with a real HTTP client. */
class ApiServerIT {

  @TempDir static Path dir;
  static LuceneArticleIndex index;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();
  static ClassifiedItem back;

  @BeforeAll
  static void start() throws Exception {
    index = LuceneArticleIndex.open(dir);
    back =
        item(
            "back",
            "Back to IC",
            "After six years as a manager I went back to engineering.",
            "manager-to-ic");
    index.upsert(back);
    index.upsert(item("pkg", "Package manager", "Our package manager got faster.", "other"));
    index.commit();
    server =
        ApiServer.start(
            index,
            List.of(
                new ThemeInfo("manager-to-ic", "Manager to IC", "..."),
                new ThemeInfo("ic-to-manager", "IC to manager", "..."),
                new ThemeInfo("other", "Other", "...")),
            "127.0.0.1",
            0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static ClassifiedItem item(String slug, String title, String text, String theme) {
    CanonicalUrl url = new CanonicalUrl("https://blog.example/" + slug);
    RawItem raw =
        new RawItem(
            ItemId.of(url),
            url,
            new Source("blog", "Blog", SourceKind.FEED),
            title,
            null,
            new Published(Instant.parse("2026-11-10T00:00:00Z"), Published.Provenance.FEED, 1),
            Instant.parse("2026-11-11T00:00:00Z"),
            "en",
            text,
            null,
            null,
            null,
            null,
            null);
    return new ClassifiedItem(
        raw,
        List.of(new ThemeScore(theme, 0.9)),
        theme,
        null,
        List.of(),
        List.of(new Evidence(theme, 12, 20, text, 0.9)),
        List.of(),
        List.of(),
        "career-v1",
        "m-test");
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void search_returnsHitsWithPrimaryThemeAndSnippet() throws Exception {
    HttpResponse<String> r = get("/api/search?q=manager");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.path("total").asInt()).isEqualTo(2);
    JsonNode hit = body.path("hits").get(0);
    assertThat(hit.path("primary").asText()).isIn("manager-to-ic", "other");
    assertThat(hit.path("snippet").asText()).contains("<mark>");
    assertThat(hit.has("url") && hit.has("title") && hit.has("source") && hit.has("published"))
        .isTrue();
  }

  @Test
  void search_themeFilterNarrowsTheHits() throws Exception {
    JsonNode body = Json.mapper().readTree(get("/api/search?q=manager&theme=manager-to-ic").body());
    assertThat(body.path("total").asInt()).isEqualTo(1);
    assertThat(body.path("hits").get(0).path("id").asText()).isEqualTo(back.id().value());
  }

  // RELIABILITY row 28
  @Test
  void search_brokenQuery_isA400ProblemThatEscapesTheInput() throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + enc("title:(<script>alert(1)</script>"));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
    JsonNode p = Json.mapper().readTree(r.body());
    assertThat(p.path("type").asText()).isEqualTo("/problems/query-syntax");
    assertThat(p.path("status").asInt()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("<script>");
  }

  @Test
  void search_badParameters_areAllNamedInOneProblem() throws Exception {
    HttpResponse<String> r = get("/api/search?q=x&size=lots&from=yesterday&sort=random");

    assertThat(r.statusCode()).isEqualTo(400);
    String detail = Json.mapper().readTree(r.body()).path("detail").asText();
    assertThat(detail).contains("size").contains("from").contains("sort");
  }

  // RELIABILITY row 30
  @Test
  void search_leadingWildcard_isRefused() throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + enc("*tion"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("leading-wildcard");
  }

  @Test
  void item_returnsTheStoredItemWithEvidence() throws Exception {
    HttpResponse<String> r = get("/api/items/" + back.id().value());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readValue(r.body(), ClassifiedItem.class)).isEqualTo(back);
  }

  @Test
  void item_unknownOrMalformedId_isAProblem() throws Exception {
    assertThat(get("/api/items/ffffffffffffffffffff").statusCode()).isEqualTo(404);
    HttpResponse<String> bad = get("/api/items/" + enc("<x>"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
  }

  @Test
  void themes_listsEveryThemeWithCounts() throws Exception {
    JsonNode body = Json.mapper().readTree(get("/api/themes").body());
    assertThat(body.path("total").asInt()).isEqualTo(2);
    assertThat(body.path("themes").findValuesAsText("id"))
        .containsExactly("manager-to-ic", "ic-to-manager", "other");
    assertThat(body.path("themes").get(0).path("count").asInt()).isEqualTo(1);
    assertThat(body.path("themes").get(1).path("count").asInt()).isZero();
  }

  @Test
  void unknownPath_isA404Problem_andHealthAnswers() throws Exception {
    HttpResponse<String> r = get("/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void ready_is200WhileTheIndexAnswers_and503NamingEachFailingCheck() throws Exception {
    assertThat(get("/ready").statusCode()).isEqualTo(200);
    java.util.concurrent.atomic.AtomicBoolean brokerUp =
        new java.util.concurrent.atomic.AtomicBoolean();
    ApiServer.Options options =
        ApiServer.Options.of(List.of())
            .withReadiness(
                () ->
                    brokerUp.get()
                        ? java.util.Optional.empty()
                        : java.util.Optional.of("broker unreachable"))
            .withRoutes(config -> config.routes.get("/extra", ctx -> ctx.result("extra")));
    try (ApiServer other = ApiServer.start(index, options, "127.0.0.1", 0)) {
      HttpResponse<String> down =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/ready"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
      assertThat(down.body()).contains("broker unreachable");
      brokerUp.set(true);
      HttpResponse<String> up =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/ready"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(up.statusCode()).isEqualTo(200);
      HttpResponse<String> extra =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/extra"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(extra.body()).isEqualTo("extra");
    }
  }

  /**
   * A disk that fills up at the fsync of a commit (what a full disk with delayed allocation does):
   * while {@code full} is set, the commit fails, and the writer stays open to retry.
   */
  static final class FillableDisk extends org.apache.lucene.store.FilterDirectory {
    final java.util.concurrent.atomic.AtomicBoolean full =
        new java.util.concurrent.atomic.AtomicBoolean();

    FillableDisk(org.apache.lucene.store.Directory in) {
      super(in);
    }

    private void check() throws java.io.IOException {
      if (full.get()) {
        throw new java.io.IOException("No space left on device");
      }
    }

    @Override
    public void sync(java.util.Collection<String> names) throws java.io.IOException {
      check();
      super.sync(names);
    }
  }

  /** The index's writer failing (a commit on a full disk) makes /ready 503 until a commit works. */
  @Test
  void ready_is503WhileTheIndexCannotWrite_and200OnceACommitWorksAgain(@TempDir Path own)
      throws Exception {
    FillableDisk disk =
        new FillableDisk(org.apache.lucene.store.FSDirectory.open(own.resolve("index")));
    try (LuceneArticleIndex writable =
            LuceneArticleIndex.open(disk, io.themewire.index.search.QueryLimits.DEFAULTS);
        ApiServer other =
            ApiServer.start(writable, ApiServer.Options.of(List.of()), "127.0.0.1", 0)) {
      URI ready = URI.create("http://127.0.0.1:" + other.port() + "/ready");
      writable.upsert(back);
      writable.commit();
      assertThat(http.send(HttpRequest.newBuilder(ready).build(), ofString()).statusCode())
          .isEqualTo(200);

      disk.full.set(true);
      writable.upsert(item("full", "Disk full", "A commit on a full disk.", "other"));
      org.assertj.core.api.Assertions.assertThatThrownBy(writable::commit)
          .isInstanceOf(java.io.IOException.class);
      HttpResponse<String> down = http.send(HttpRequest.newBuilder(ready).build(), ofString());
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("not-ready", "index cannot write", "No space left");

      disk.full.set(false);
      writable.commit();
      assertThat(http.send(HttpRequest.newBuilder(ready).build(), ofString()).statusCode())
          .isEqualTo(200);
    }
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
