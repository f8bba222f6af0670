package io.themewire.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.testkit.SyntheticCorpus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trends, terms and export on a real server over a generated corpus with one injected spike. */
class AnalyticsRoutesIT {

  static final LocalDate SPIKE_DAY = LocalDate.of(2026, 9, 30);
  static final List<String> THEMES = List.of("ic-to-manager", "manager-to-ic");

  @TempDir static Path dir;
  static LuceneArticleIndex index;
  static ApiServer server;
  static int items;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    index = LuceneArticleIndex.open(dir);
    SyntheticCorpus corpus =
        SyntheticCorpus.builder()
            .seed(11)
            .items(4_480)
            .sources(20)
            .days(LocalDate.of(2026, 8, 3), 70)
            .weekendFactor(0.3)
            .words(15, 40)
            .themes(
                List.of(
                    new SyntheticCorpus.ThemeWords("ic-to-manager", 0.5, "promotion reports"),
                    new SyntheticCorpus.ThemeWords("manager-to-ic", 0.5, "coding burnout")))
            .spike(SPIKE_DAY, "ic-to-manager", 40, "reorg announcement layoffs")
            .build();
    for (var item : corpus.toList()) {
      index.upsert(item);
      items++;
    }
    index.commit();
    List<ThemeInfo> themes = THEMES.stream().map(t -> new ThemeInfo(t, t, "")).toList();
    server =
        ApiServer.start(
            index,
            ApiServer.Options.of(themes).withRoutes(new AnalyticsRoutes(index, themes)),
            "127.0.0.1",
            0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  @Test
  void trends_flagTheInjectedWeekdaySpike_withItsExplanation() throws Exception {
    HttpResponse<String> r = get("/api/trends?interval=day&tz=UTC");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("ETag")).isPresent();
    JsonNode body = json(r);
    assertThat(body.path("series").findValuesAsText("theme")).containsExactlyElementsOf(THEMES);
    int spikes = 0;
    long total = 0;
    for (JsonNode s : body.path("series")) {
      for (JsonNode p : s.path("points")) {
        total += p.path("count").asLong();
        if (p.has("spike")) {
          spikes++;
          assertThat(s.path("theme").asText()).isEqualTo("ic-to-manager");
          assertThat(p.path("date").asText()).isEqualTo(SPIKE_DAY.toString());
          JsonNode spike = p.path("spike");
          assertThat(spike.path("score").asDouble()).isGreaterThan(4);
          assertThat(spike.path("topItems").get(0).has("title")).isTrue();
          assertThat(spike.path("topSources").get(0).path("count").asLong()).isPositive();
          assertThat(spike.path("terms").findValuesAsText("term"))
              .containsAnyOf("reorg", "layoffs", "announcement");
        }
      }
    }
    assertThat(spikes).isEqualTo(1);
    // every item carries one or two of the two themes
    assertThat(total).isGreaterThanOrEqualTo(items);
  }

  @Test
  void trends_ofAQuery_isOneSeries() throws Exception {
    JsonNode body = json(get("/api/trends?q=reorg&interval=week"));
    assertThat(body.path("series")).hasSize(1);
    assertThat(body.path("series").get(0).path("query").asText()).isEqualTo("reorg");
    assertThat(body.path("interval").asText()).isEqualTo("week");
  }

  @Test
  void terms_ofTheSpikeDay_surfaceTheInjectedWords_withoutStopWords() throws Exception {
    HttpResponse<String> r =
        get("/api/terms?theme=ic-to-manager&from=2026-09-30&to=2026-10-01&size=10");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.path("measure").asText()).isEqualTo("jlh");
    assertThat(body.path("foregroundDocs").asLong()).isGreaterThan(60);
    assertThat(body.path("backgroundDocs").asLong())
        .isEqualTo(items - body.path("foregroundDocs").asLong());
    List<String> terms = body.path("terms").findValuesAsText("term");
    assertThat(terms.subList(0, 3)).containsAnyOf("reorg", "layoffs", "announcement");
    assertThat(terms).doesNotContain("the", "and", "of", "to", "was");
  }

  @Test
  void export_streamsEveryMatch_asJsonLinesAndCsv() throws Exception {
    long total = json(get("/api/search?q=reorg")).path("total").asLong();
    HttpResponse<String> jsonl = get("/api/export?format=jsonl&q=reorg");
    assertThat(jsonl.statusCode()).isEqualTo(200);
    assertThat(jsonl.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/x-ndjson"));
    List<String> lines = jsonl.body().lines().toList();
    assertThat(lines).hasSize((int) total);
    assertThat(total).isGreaterThan(10);
    assertThat(Json.mapper().readTree(lines.get(0)).has("id")).isTrue();

    HttpResponse<String> csv = get("/api/export?format=csv");
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    List<String> rows = csv.body().lines().toList();
    assertThat(rows.get(0)).startsWith("id,published,title");
    assertThat(rows).hasSize(items + 1);
  }

  @Test
  void csvCells_thatASpreadsheetWouldRun_areDefused() {
    assertThat(AnalyticsRoutes.csvCell("=HYPERLINK(\"x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(AnalyticsRoutes.csvCell("a,b")).isEqualTo("\"a,b\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/trends?interval=hour",
        "/api/trends?theme=astrology",
        "/api/trends?kind=tweet",
        "/api/trends?tz=Nowhere/Land",
        "/api/trends?from=soon",
        "/api/terms?size=0",
        "/api/terms?size=1000",
        "/api/terms?theme=%3Cscript%3E",
        "/api/export?format=xlsx",
        "/api/export?to=2026-13-40",
        "/api/trends?q=*tion",
        "/api/terms?q=%2Fa.*b%2F",
        "/api/export?q=((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))",
        "/api/trends?q=colour%3Ared",
      })
  void badValues_areA400ProblemThatEscapesTheInput(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.body()).doesNotContain("<script>");
    assertThat(json(r).path("type").asText()).startsWith("/problems/");
  }

  @Test
  void fiveThousandOredTerms_areRefusedOnEveryRoute_andTheServerStaysResponsive() throws Exception {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      q.append(i == 0 ? "" : " OR ").append("t").append(i);
    }
    String enc = URLEncoder.encode(q.toString(), StandardCharsets.UTF_8);
    for (String route : List.of("/api/trends", "/api/terms", "/api/export")) {
      HttpResponse<String> r = get(route + "?q=" + enc);
      // refused before parsing: the URL is past Jetty's limit (414) or q past 1,024 chars (400)
      assertThat(r.statusCode()).as(route).isIn(400, 414);
      assertThat(r.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
    }
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }
}
