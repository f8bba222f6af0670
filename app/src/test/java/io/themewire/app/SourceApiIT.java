package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.api.ApiServer;
import io.themewire.core.json.Json;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.testkit.FixtureServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY row 1: a source on a private or loopback address is refused when it is added, before
 * any connection, as a 422 problem, and counted as a blocked fetch.
 */
class SourceApiIT {

  @TempDir Path data;
  FixtureServer target;
  Wiring wiring;
  LuceneArticleIndex index;
  ApiServer api;
  PollSchedule schedule;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    target = FixtureServer.start();
    target.route("/f.xml", FixtureServer.body(200, "application/rss+xml", "<rss/>"));
    wiring = new Wiring(new Settings(data, null, false, "s3cret"), Clock.systemUTC());
    index = wiring.openIndex();
    schedule = new PollSchedule(List.of(), Clock.systemUTC().instant(), new Random(1));
    ApiSourceRegistry registry =
        new ApiSourceRegistry(schedule, wiring.fetcher(), data, Clock.systemUTC());
    api =
        ApiServer.start(
            index,
            ApiServer.Options.of(wiring.themeInfos())
                .withSources(() -> ApiWiring.statuses(schedule.health()))
                .withRegistry(registry, wiring.settings().apiKey())
                .withMetrics(wiring.meters()),
            "127.0.0.1",
            0);
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
    index.close();
    wiring.close();
    target.close();
  }

  HttpResponse<String> post(String body, String key) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/sources"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  // RELIABILITY row 1
  @Test
  void addSource_onLoopbackOrPrivateAddresses_isA422BeforeAnyConnection() throws Exception {
    for (String url :
        new String[] {
          target.url("/f.xml"),
          "http://[::1]:" + target.port() + "/f.xml",
          "http://169.254.169.254/latest/meta-data",
          "http://0.0.0.0/",
          "http://10.1.2.3/feed"
        }) {
      HttpResponse<String> r = post("{\"url\":\"" + url + "\"}", "s3cret");
      assertThat(r.statusCode()).as(url).isEqualTo(422);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(Json.mapper().readTree(r.body()).path("type").asText())
          .as(url)
          .isEqualTo("/problems/blocked-destination");
    }
    assertThat(target.hits("/f.xml")).isZero();
    assertThat(schedule.health()).isEmpty();

    String metrics =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics)
        .contains("fetch_requests_total{outcome=\"blocked\"} 5.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void addSource_withoutTheKeyOrWithABadBody_isRefused() throws Exception {
    assertThat(post("{\"url\":\"https://blog.example.com/feed.xml\"}", null).statusCode())
        .isEqualTo(401);
    assertThat(post("{\"url\":\"https://blog.example.com/feed.xml\"}", "wrong").statusCode())
        .isEqualTo(401);
    assertThat(post("{\"url\":\"ftp://example.com/feed\"}", "s3cret").statusCode()).isEqualTo(422);
    assertThat(post("not json", "s3cret").statusCode()).isEqualTo(400);
  }
}
