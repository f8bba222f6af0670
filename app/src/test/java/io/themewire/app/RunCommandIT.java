package io.themewire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.api.ApiServer;
import io.themewire.core.json.Json;
import io.themewire.core.message.RawItem;
import io.themewire.core.stage.Outcome;
import io.themewire.index.lucene.LuceneArticleIndex;
import io.themewire.ingest.fetch.Validators;
import io.themewire.ingest.schedule.PollSchedule;
import io.themewire.ingest.schedule.SourceHealth;
import io.themewire.ingest.source.IngestStage;
import io.themewire.ingest.source.SourceRequest;
import io.themewire.testkit.FixtureServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code themewire run --once} over a local feed file, a feed on a real HTTP server and a missing
 * file: real fetching, real CoreNLP (with a small taxonomy, so training takes seconds), a real
 * Lucene index, the real API; then {@code themewire sources} over what it saved.
 */
class RunCommandIT {

  static final Path FEEDS = Path.of("..", "samples", "feeds");
  static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

  @TempDir Path dir;

  @Test
  void once_recordsEachSourcesOutcome_andARerunAsksWhetherAnythingChanged() throws Exception {
    // Given: a feed file beside the config, the same kind of feed served over HTTP, a missing file.
    Path taxonomy = smallTaxonomy(dir.resolve("taxonomy"));
    Path data = dir.resolve("data");
    Files.createDirectories(dir.resolve("feeds"));
    Path local = dir.resolve("feeds").resolve("staff-notes.atom.xml");
    Files.copy(FEEDS.resolve("staff-notes.atom.xml"), local);
    byte[] served = Files.readAllBytes(FEEDS.resolve("forgekit-blog.rss.xml"));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    try (FixtureServer server = FixtureServer.start();
        Wiring wiring = new Wiring(new Settings(data, taxonomy, true), clock)) {
      server.route("/forgekit.rss", FixtureServer.body(200, "application/rss+xml", served));
      String url = server.url("/forgekit.rss");
      Path config = dir.resolve("run.yaml");
      Files.writeString(
          config,
          "sources:\n"
              + "  - path: feeds/staff-notes.atom.xml\n"
              + "  - url: "
              + url
              + "\n"
              + "    interval: 1h\n"
              + "    name: Forgekit\n"
              + "  - path: feeds/missing.xml\n"
              + "    interval: 2h\n");
      RunConfig run = RunConfig.load(config);
      String missing = dir.resolve("feeds").resolve("missing.xml").toString();
      int localItems = itemsIn(wiring, local);
      Path servedCopy = dir.resolve("forgekit.rss.xml");
      Files.write(servedCopy, served);
      int servedItems = itemsIn(wiring, servedCopy);
      assertThat(localItems).isPositive();
      assertThat(servedItems).isPositive();

      // When
      StringWriter out = new StringWriter();
      List<SourcePolling.Polled> first =
          RunCommand.pollOnce(wiring, run.sources(), new Random(1), new PrintWriter(out));

      // Then: two successes with their item counts, one failure with a backoff, all saved.
      assertThat(first)
          .extracting(SourcePolling.Polled::code)
          .containsExactly("emitted", "emitted", "not-found");
      List<SourceHealth> health = PollSchedule.readHealth(data.resolve("sources.json"));
      assertThat(health)
          .extracting(SourceHealth::location)
          .containsExactly(local.toString(), url, missing);
      SourceHealth file = health.get(0);
      assertThat(file)
          .isEqualTo(
              new SourceHealth(
                  local.toString(),
                  null,
                  NOW,
                  null,
                  localItems,
                  0,
                  NOW.plus(Duration.ofMinutes(30)),
                  Validators.NONE));
      SourceHealth feed = health.get(1);
      assertThat(feed.name()).isEqualTo("Forgekit");
      assertThat(feed.lastSuccess()).isEqualTo(NOW);
      assertThat(feed.itemsSeen()).isEqualTo(servedItems);
      assertThat(feed.consecutiveFailures()).isZero();
      assertThat(feed.nextPoll()).isEqualTo(NOW.plus(Duration.ofHours(1)));
      assertThat(feed.validators().bodyHash()).isNotBlank();
      SourceHealth gone = health.get(2);
      assertThat(gone.lastSuccess()).isNull();
      assertThat(gone.lastError().reason()).isEqualTo("not-found");
      assertThat(gone.consecutiveFailures()).isEqualTo(1);
      assertThat(gone.nextPoll()).isEqualTo(NOW.plus(Duration.ofHours(2)));
      assertThat(out.toString().lines())
          .satisfiesExactly(
              l ->
                  assertThat(l)
                      .startsWith("ok")
                      .contains(localItems + " new items", local.toString()),
              l -> assertThat(l).startsWith("ok").contains(servedItems + " new items", url),
              l -> assertThat(l).startsWith("failed  not-found").contains(missing));
      try (LuceneArticleIndex index = wiring.openIndex()) {
        assertThat(index.count()).isEqualTo(localItems + servedItems);
        assertSourcesApi(index, wiring, health);
      }

      // When it runs again: the server's body is unchanged, the file's items are stored.
      List<SourcePolling.Polled> second =
          RunCommand.pollOnce(
              wiring, run.sources(), new Random(1), new PrintWriter(new StringWriter()));

      // Then: nothing new, nothing lost, and the missing file has failed twice.
      assertThat(second)
          .extracting(SourcePolling.Polled::code, SourcePolling.Polled::message)
          .containsExactly(
              tuple("skipped", "unchanged"),
              tuple("skipped", "unchanged-body"),
              tuple("not-found", "no such file: " + missing));
      List<SourceHealth> again = PollSchedule.readHealth(data.resolve("sources.json"));
      assertThat(again.get(0).itemsSeen()).isEqualTo(localItems);
      assertThat(again.get(1).itemsSeen()).isEqualTo(servedItems);
      assertThat(again.get(1).validators()).isEqualTo(feed.validators());
      assertThat(again.get(2).consecutiveFailures()).isEqualTo(2);
      assertThat(server.hits("/forgekit.rss")).isEqualTo(2);

      // And `themewire sources` shows all three.
      CliTest.Run table = CliTest.run("sources", "--data", data.toString());
      assertThat(table.code()).as(table.err()).isZero();
      List<String> rows = table.out().lines().toList();
      assertThat(rows).hasSize(4);
      assertThat(rows.get(0)).startsWith("SOURCE");
      assertThat(rows.get(2)).contains(url, "2026-12-01 08:00Z");
      assertThat(rows.get(3)).contains("not-found", "never");

      // And (issue 10): the health file lost (a crash after the index commit, before it was
      // saved), the next run finds every item already stored, and still counts them as seen.
      Files.delete(data.resolve("sources.json"));
      List<SourcePolling.Polled> afterLoss =
          RunCommand.pollOnce(
              wiring, run.sources(), new Random(1), new PrintWriter(new StringWriter()));
      assertThat(afterLoss)
          .extracting(SourcePolling.Polled::code, SourcePolling.Polled::newItems)
          .containsExactly(tuple("skipped", 0), tuple("skipped", 0), tuple("not-found", 0));
      List<SourceHealth> recounted = PollSchedule.readHealth(data.resolve("sources.json"));
      assertThat(recounted)
          .extracting(SourceHealth::itemsSeen)
          .containsExactly((long) localItems, (long) servedItems, 0L);
    }
  }

  @Test
  void once_fromTheCommandLine_exitsTwoWhenASourceFailed() throws Exception {
    Path taxonomy = smallTaxonomy(dir.resolve("taxonomy"));
    Path local = dir.resolve("staff-notes.atom.xml");
    Files.copy(FEEDS.resolve("staff-notes.atom.xml"), local);
    Path config = dir.resolve("run.yaml");
    Files.writeString(
        config, "sources:\n  - path: staff-notes.atom.xml\n  - path: missing.xml\ndata: state\n");

    CliTest.Run r =
        CliTest.run(
            "run", "--config", config.toString(), "--taxonomy", taxonomy.toString(), "--once");

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("themewire: 1 of 2 sources failed");
    assertThat(r.out().lines()).hasSize(2);
    assertThat(PollSchedule.readHealth(dir.resolve("state").resolve("sources.json")))
        .extracting(SourceHealth::consecutiveFailures)
        .containsExactly(0, 1);
  }

  @Test
  void badConfig_exitsTwoWithOneLine_beforeAnyIo() throws Exception {
    Path data = dir.resolve("data");
    assertBadConfig(
        "sources:\n  - url: https://example.org/feed.xml\n    type: rss\n",
        "sources[0].type: unknown key (allowed: interval, name, path, url)");
    assertBadConfig(
        "sources:\n  - path: feed.xml\n    interval: 0m\n",
        "sources[0].interval: '0m' is too short; the minimum is 1m");
    assertBadConfig(
        "port: 8080\n", "sources: missing; a list of sources, each with url or path, is required");
    assertThat(Files.exists(data)).isFalse();

    CliTest.Run noFile =
        CliTest.run("run", "--config", dir.resolve("absent.yaml").toString(), "--once");
    assertThat(noFile.code()).isEqualTo(2);
    assertThat(noFile.err().strip())
        .isEqualTo("themewire: no such config file: " + dir.resolve("absent.yaml"));

    CliTest.Run noConfig = CliTest.run("run", "--once");
    assertThat(noConfig.code()).isEqualTo(2);
    assertThat(noConfig.err().strip().lines()).hasSize(1);
  }

  @Test
  void help_describesRunAndSources() {
    for (String cmd : new String[] {"run", "sources"}) {
      CliTest.Run r = CliTest.run(cmd, "--help");
      assertThat(r.code()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).startsWith("Usage: themewire " + cmd);
    }
  }

  private void assertBadConfig(String yaml, String message) throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, yaml);

    CliTest.Run r =
        CliTest.run("run", "--config", config.toString(), "--data", dir.resolve("data").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("themewire: " + config + ": " + message);
    assertThat(r.out()).isEmpty();
  }

  /** GET /api/sources on a real server, answering from the saved health. */
  private static void assertSourcesApi(
      LuceneArticleIndex index, Wiring wiring, List<SourceHealth> health) throws Exception {
    try (ApiServer api =
        ApiServer.start(
            index, wiring.themeInfos(), () -> ApiWiring.statuses(health), "127.0.0.1", 0)) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + api.port() + "/api/sources"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = Json.mapper().readTree(r.body());
      assertThat(body.path("total").asInt()).isEqualTo(3);
      assertThat(body.path("failing").asInt()).isEqualTo(1);
      JsonNode sources = body.path("sources");
      assertThat(sources.get(0).path("location").asText()).isEqualTo(health.get(0).location());
      assertThat(sources.get(0).path("itemsSeen").asLong()).isEqualTo(health.get(0).itemsSeen());
      assertThat(sources.get(0).path("lastSuccess").asText()).isEqualTo(NOW.toString());
      assertThat(sources.get(2).path("lastError").path("reason").asText()).isEqualTo("not-found");
      assertThat(sources.get(2).has("validators")).isFalse();
    }
  }

  /** How many items a fresh ingest stage reads from a feed file. */
  private static int itemsIn(Wiring wiring, Path feed) {
    IngestStage stage = wiring.ingestStage((id, hash) -> false);
    Outcome<RawItem> outcome = stage.process(new SourceRequest(feed.toString()));
    assertThat(outcome).isInstanceOf(Outcome.Emitted.class);
    return ((Outcome.Emitted<RawItem>) outcome).values().size();
  }

  /** A three-theme taxonomy that trains in seconds, so the test does not wait for the real one. */
  static Path smallTaxonomy(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("train"));
    Files.writeString(
        dir.resolve("themes.yaml"),
        "id: careers-small\nversion: 1\nfallback: other\nthemes:\n"
            + "  - id: management\n  - id: individual-contributor\n  - id: other\n");
    write(
        dir,
        "management",
        "I became an engineering manager last year and now run one-on-ones every week.",
        "Moving into management meant giving up most of my coding time.",
        "As a new manager my job is hiring, feedback and growing the team.",
        "She was promoted from tech lead to engineering manager of two teams.",
        "Managing people is a different job from writing software.",
        "Our director asked me to lead the platform team as its manager.");
    write(
        dir,
        "individual-contributor",
        "I stayed an individual contributor and became a staff engineer.",
        "As a principal engineer I lead technical direction without any reports.",
        "The staff engineer path lets senior people grow without managing.",
        "After years of managing I went back to writing code full time.",
        "Our senior engineers drive architecture decisions across teams.",
        "I want to remain hands-on and deepen my technical expertise.");
    write(
        dir,
        "other",
        "The new database release improves query planning.",
        "We rewrote the build scripts in a weekend.",
        "This recipe needs two cups of flour and an egg.",
        "The football season starts next week.",
        "Our outage was caused by an expired certificate.",
        "The package manager now resolves dependencies faster.");
    return dir;
  }

  private static void write(Path taxonomy, String theme, String... texts) throws Exception {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (String t : texts) {
      out.append(Json.write(Map.of("id", theme + "-" + (++n), "label", theme, "text", t)))
          .append('\n');
    }
    Files.writeString(taxonomy.resolve("train").resolve(theme + ".jsonl"), out);
  }
}
