package io.themewire.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.index.search.QueryLimits;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY rows 34-35 against a real server on a free port: 20 expensive queries at once run on
 * the bounded search pool under a time budget, each answering 200 or a 503 problem, while {@code
 * /health} keeps answering; q past the configured length is a 400 problem.
 */
class SearchSafetyIT {

  @TempDir static Path dir;
  static LuceneArticleIndex index;
  static ApiServer server;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static final List<String> WORDS =
      List.of(
          "manager",
          "engineer",
          "team",
          "staff",
          "lead",
          "career",
          "growth",
          "level",
          "promotion",
          "review",
          "project",
          "mentor",
          "report",
          "ladder",
          "scope",
          "impact",
          "design",
          "code",
          "hiring",
          "budget");

  @BeforeAll
  static void start() throws Exception {
    index =
        LuceneArticleIndex.open(
            dir, QueryLimits.DEFAULTS.withTimeBudget(Duration.ofMillis(300)).withSearchPool(2, 64));
    Random random = new Random(7);
    for (int i = 0; i < 15_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 40; w++) {
        text.append(WORDS.get(random.nextInt(WORDS.size()))).append(w % 9 == 8 ? ". " : " ");
      }
      index.upsert(
          ApiServerIT.item("p" + i, "Post " + i, text.toString().strip(), "manager-to-ic"));
    }
    index.commit();
    server =
        ApiServer.start(
            index, List.of(new ThemeInfo("manager-to-ic", "Manager to IC", "...")), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // RELIABILITY row 35: 20 concurrent slow queries each end within the time budget (200) or as a
  // 503 query-timeout / search-busy problem with Retry-After, on the bounded search pool, and
  // /health answers 200 while they are still running (not after the pool drains). No timing bound
  // is asserted (speed belongs in benchmarks); the figures are printed.
  @Test
  void twentyConcurrentSlowQueries_neverStopHealthFromAnswering() throws Exception {
    // Sloppy phrases over words that are in every document: the most expensive matching there is.
    String slow =
        URLEncoder.encode(
            "\"manager engineer team staff\"~400 OR \"career growth level promotion\"~400"
                + " OR \"review project mentor report\"~400 OR man* OR eng* OR te*",
            StandardCharsets.UTF_8);
    ExecutorService clients = Executors.newFixedThreadPool(20);
    List<CompletableFuture<HttpResponse<String>>> queries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      queries.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return get("/api/search?size=100&sort=date&q=" + slow);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              clients));
    }
    List<Long> healthMillis = new ArrayList<>();
    int answeredWhileBusy = 0;
    while (queries.stream().anyMatch(q -> !q.isDone()) || healthMillis.size() < 5) {
      long t0 = System.nanoTime();
      HttpResponse<String> health = get("/health");
      healthMillis.add((System.nanoTime() - t0) / 1_000_000);
      assertThat(health.statusCode()).isEqualTo(200);
      if (queries.stream().anyMatch(q -> !q.isDone())) {
        answeredWhileBusy++;
      }
      Thread.sleep(20);
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    int answered = 0;
    int unavailable = 0;
    for (CompletableFuture<HttpResponse<String>> q : queries) {
      HttpResponse<String> r = q.get();
      if (r.statusCode() == 200) {
        answered++;
      } else {
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        JsonNode p = Json.mapper().readTree(r.body());
        assertThat(p.path("type").asText())
            .isIn("/problems/query-timeout", "/problems/search-busy");
        unavailable++;
      }
    }
    assertThat(answered + unavailable).isEqualTo(20);
    // health is answered while the pool is saturated, not after it drains
    assertThat(answeredWhileBusy).as("/health answers while slow queries ran").isPositive();
    System.out.printf(
        "row 35: %d answered, %d refused; /health answered %d times while busy, slowest %d ms%n",
        answered,
        unavailable,
        answeredWhileBusy,
        healthMillis.stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  @Test
  void aQueryPastTheConfiguredLength_isA400QueryTooLong() throws Exception {
    String q = "a".repeat(QueryLimits.DEFAULT_MAX_QUERY_CHARS + 1);
    HttpResponse<String> r = get("/api/search?q=" + q);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(r.body()).path("type").asText())
        .isEqualTo("/problems/query-too-long");
    assertThat(get("/api/search?q=" + "a".repeat(QueryLimits.DEFAULT_MAX_QUERY_CHARS)).statusCode())
        .isEqualTo(200);
  }
}
