package io.themewire.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.index.lucene.LuceneArticleIndex;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY rows 30-34 over HTTP: each hostile query is a problem with its stable type. */
class QueryGuardsIT {

  @TempDir static Path dir;
  static LuceneArticleIndex index;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    index = LuceneArticleIndex.open(dir);
    for (int i = 0; i < 150; i++) {
      index.upsert(
          ApiServerIT.item(
              "g" + i, "Post " + i, "A manager went back to engineering " + i, "other"));
    }
    index.commit();
    server =
        ApiServer.start(index, List.of(new ThemeInfo("other", "Other", "...")), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static HttpResponse<String> search(String rawQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/search?" + rawQuery))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String q(String s) {
    return "q=" + URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
    assertThat(Json.mapper().readTree(r.body()).path("type").asText())
        .isEqualTo("/problems/" + type);
  }

  @Test
  void row30_leadingWildcards_are400() throws Exception {
    assertProblem(search(q("*tion")), 400, "leading-wildcard");
    assertProblem(search(q("?ar")), 400, "leading-wildcard");
  }

  @Test
  void row31_manyOredTerms_areRefusedNot500() throws Exception {
    StringBuilder many = new StringBuilder("t0");
    for (int i = 1; i < 5000; i++) {
      many.append(" OR t").append(i);
    }
    HttpResponse<String> r = search(q(many.toString()));
    assertThat(r.statusCode()).isIn(400, 414);
    assertThat(r.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
    assertThat(search(q("a*")).statusCode()).isEqualTo(200);
  }

  @Test
  void row32_regexes_are400() throws Exception {
    assertProblem(search(q("/.*a.{30}/")), 400, "regex-not-allowed");
  }

  @Test
  void row33_deepNesting_isQueryTooDeep_orTooLongForAUrl() throws Exception {
    assertProblem(search(q("(".repeat(1000) + "a" + ")".repeat(1000))), 400, "query-too-deep");
    assertProblem(search(q("(".repeat(10_000) + "a")), 414, "uri-too-long");
  }

  @Test
  void row34_hugeSizesAreClamped_andOffsetsIgnored() throws Exception {
    HttpResponse<String> r = search(q("manager") + "&size=1000000&offset=1000000000");
    // Clamped to a page of 100, or refused as a bad parameter: never a million hits.
    if (r.statusCode() == 200) {
      JsonNode body = Json.mapper().readTree(r.body());
      assertThat(body.path("hits").size()).isEqualTo(100);
    } else {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
    }
    assertProblem(search(q("a".repeat(1025))), 400, "query-too-long");
  }
}
