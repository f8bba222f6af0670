package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.api.ApiServer;
import io.themewire.core.json.Json;
import io.themewire.core.stage.EmbeddedRunner;
import io.themewire.core.stage.JsonlDeadLetterLog;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.index.search.SearchHit;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.ThemeCount;
import io.themewire.ingest.source.SourceRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole embedded pipeline over the bundled sample corpus — real files, real CoreNLP, a real
 * Lucene index on disk, the real API on a free port — as {@code themewire demo} wires it.
 */
class EmbeddedPipelineIT {

  static final Path SAMPLES = Path.of("..", "samples");

  @TempDir Path data;

  // RELIABILITY row 47
  @Test
  void samples_flowFromFilesToSearchHits_andARerunAddsNothing() throws Exception {
    List<Path> files = DemoCommand.sampleFiles(SAMPLES);
    assertThat(files.size()).isGreaterThanOrEqualTo(40);
    Wiring wiring = new Wiring(new Settings(data, null, false), Clock.systemUTC());

    long indexed;
    long failures;
    try (LuceneArticleIndex index = wiring.openIndex();
        JsonlDeadLetterLog dead = wiring.deadLetterLog()) {
      Map<String, Map<String, Long>> counts = runOnce(wiring, index, dead, files);
      failures =
          counts.values().stream()
              .flatMap(m -> m.entrySet().stream())
              .filter(e -> !e.getKey().equals("emitted") && !e.getKey().equals("skipped"))
              .mapToLong(Map.Entry::getValue)
              .sum();
      // Every sample file is read: each either gave items or failed with a reason.
      assertThat(counts.get("ingest").values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(files.size());
      indexed = index.count();
      assertThat(indexed).isGreaterThanOrEqualTo(150);
      assertThat(counts.get("index").get("emitted")).isEqualTo(indexed);

      List<SearchHit> hits = index.search(SearchRequest.of("manager")).hits();
      assertThat(hits).isNotEmpty();
      assertThat(hits).allSatisfy(h -> assertThat(h.primary()).isNotBlank());
      assertThat(index.themeCounts())
          .extracting(ThemeCount::theme)
          .contains("ic-to-manager", "manager-to-ic", "ic-leadership", "career-framework", "other");

      try (ApiServer api = ApiServer.start(index, wiring.themeInfos(), "127.0.0.1", 0)) {
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + api.port() + "/api/search?q=manager"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.path("total").asInt()).isPositive();
        assertThat(body.path("hits").get(0).path("primary").asText()).isNotBlank();
      }

      // Sample threads link to sample articles: a story shows "discussed on Hacker News".
      assertThat(index.search(SearchRequest.of("")).hits()).isNotEmpty();
      long discussed =
          index
              .search(new SearchRequest("", null, null, "article", null, null, null, 100))
              .hits()
              .stream()
              .filter(h -> !h.discussions().isEmpty())
              .count();
      assertThat(discussed).isGreaterThanOrEqualTo(5);

      // A second pass over the same files: everything is already stored unchanged.
      Map<String, Map<String, Long>> again = runOnce(wiring, index, dead, files);
      assertThat(again.get("classify")).isEmpty();
      assertThat(index.count()).isEqualTo(indexed);
    }
    // Nothing is lost: each failure is in the dead-letter log with its reason.
    assertThat(JsonlDeadLetterLog.read(data.resolve("dead-letters.jsonl")))
        .hasSize((int) failures)
        .allSatisfy(l -> assertThat(l.reason()).isNotBlank());
    assertThat(Files.exists(data.resolve("index"))).isTrue();
    wiring.close();

    // Re-labelling history with the saved model touches every item and loses none.
    CliTest.Run relabel = CliTest.run("reclassify", "--all", "--data", data.toString());
    assertThat(relabel.code()).isZero();
    assertThat(relabel.out()).startsWith(indexed + " items, " + indexed + " re-labelled");
  }

  private static Map<String, Map<String, Long>> runOnce(
      Wiring wiring, LuceneArticleIndex index, JsonlDeadLetterLog dead, List<Path> files)
      throws Exception {
    EmbeddedRunner<SourceRequest> runner = new EmbeddedRuntime(wiring).pipeline(index, dead);
    for (Path f : files) {
      runner.submit(new SourceRequest(f.toString()));
    }
    assertThat(runner.awaitIdle(Duration.ofMinutes(5))).isTrue();
    runner.close();
    return runner.counts();
  }
}
