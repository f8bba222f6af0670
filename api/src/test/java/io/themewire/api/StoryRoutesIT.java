package io.themewire.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import io.themewire.index.lucene.LuceneArticleIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/stories} on a real server over a real Lucene index. */
class StoryRoutesIT {

  @TempDir static Path dir;
  static LuceneArticleIndex index;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    index = LuceneArticleIndex.open(dir);
    index.upsert(
        item(
            "ladder.example",
            "halvard-ladder",
            "Halvard publishes its engineering ladder",
            "Halvard published all nine levels of its engineering ladder on Monday, with the"
                + " promotion process for L5 to L9.",
            "2026-10-26T09:00:00Z",
            "career-framework"));
    index.upsert(
        item(
            "levels.example",
            "halvard-first-read",
            "A first read of Halvard's nine-level ladder",
            "Halvard's engineering ladder, made public on Monday, splits into IC and manager tracks"
                + " at L5 and describes promotion committees.",
            "2026-10-26T15:00:00Z",
            "career-framework"));
    index.upsert(
        item(
            "blog.example",
            "back-to-ic",
            "Why Priya Raman went back to IC at Quillon",
            "After six years as an engineering manager at Quillon, Priya Raman is a staff engineer"
                + " again.",
            "2026-10-26T12:00:00Z",
            "manager-to-ic"));
    index.upsert(
        item(
            "blog.example",
            "old-news",
            "Halvard publishes its engineering ladder",
            "Halvard published its engineering ladder.",
            "2026-09-01T09:00:00Z",
            "career-framework"));
    index.commit();
    ApiServer.Options options =
        ApiServer.Options.of(
                List.of(
                    new ThemeInfo("career-framework", "Career frameworks", "..."),
                    new ThemeInfo("manager-to-ic", "Manager to IC", "...")))
            .withRoutes(
                new StoryRoutes(
                    index,
                    List.of("career-framework", "manager-to-ic"),
                    Clock.fixed(Instant.parse("2026-10-27T00:00:00Z"), ZoneOffset.UTC)));
    server = ApiServer.start(index, options, "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static ClassifiedItem item(
      String site, String slug, String title, String text, String published, String theme) {
    CanonicalUrl url = new CanonicalUrl("https://" + site + "/" + slug);
    RawItem raw =
        new RawItem(
            ItemId.of(url),
            url,
            new Source(site, site, SourceKind.FEED),
            title,
            null,
            new Published(Instant.parse(published), Published.Provenance.FEED, 1),
            Instant.parse("2026-10-27T00:00:00Z"),
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
        List.of(),
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

  @Test
  void stories_ofADay_groupTwoSitesOnOneEvent_andLeaveTheOtherItemAlone() throws Exception {
    HttpResponse<String> r = get("/api/stories?from=2026-10-26&to=2026-10-27");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.path("from").asText()).isEqualTo("2026-10-26T00:00:00Z");
    assertThat(body.path("to").asText()).isEqualTo("2026-10-27T00:00:00Z");
    JsonNode stories = body.path("stories");
    assertThat(stories).hasSize(2);
    JsonNode halvard = stories.get(0);
    assertThat(halvard.path("themes").get(0).asText()).isEqualTo("career-framework");
    assertThat(halvard.path("reason").asText()).contains("Halvard");
    List<String> sites = new ArrayList<>();
    halvard.path("members").forEach(m -> sites.add(m.path("site").asText()));
    assertThat(sites).containsExactlyInAnyOrder("ladder.example", "levels.example");
    assertThat(halvard.path("members").get(0).path("role").asText()).isEqualTo("source");
    assertThat(stories.get(1).path("members")).hasSize(1);
  }

  @Test
  void stories_withoutPeriod_coverTheLast24Hours_andThemeFilters() throws Exception {
    JsonNode all = Json.mapper().readTree(get("/api/stories").body());
    assertThat(all.path("stories")).hasSize(2);

    JsonNode moves = Json.mapper().readTree(get("/api/stories?theme=manager-to-ic").body());
    assertThat(moves.path("stories")).hasSize(1);
    assertThat(moves.path("stories").get(0).path("headline").asText())
        .isEqualTo("Why Priya Raman went back to IC at Quillon");
  }

  @Test
  void badParameters_areOneProblemNamingEach() throws Exception {
    HttpResponse<String> r = get("/api/stories?from=yesterday&theme=nope&tz=Mars/Olympus");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    String detail = Json.mapper().readTree(r.body()).path("detail").asText();
    assertThat(detail).contains("from must be a date").contains("unknown theme").contains("tz");

    assertThat(get("/api/stories?from=2026-01-01&to=2026-06-01").statusCode()).isEqualTo(400);
    assertThat(get("/api/stories?from=2026-10-27&to=2026-10-26").statusCode()).isEqualTo(400);
  }
}
