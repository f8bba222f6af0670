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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/search} on a real server over 1,200 items: exact counts, paging, validation. */
class SearchApiIT {

  static final int N = 1_200;
  static final List<String> THEMES = List.of("manager-to-ic", "ic-to-manager", "layoffs");

  @TempDir static Path dir;
  static LuceneArticleIndex index;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    index = LuceneArticleIndex.open(dir);
    for (int i = 0; i < N; i++) {
      index.upsert(item(i));
    }
    index.commit();
    server =
        ApiServer.start(
            index, THEMES.stream().map(t -> new ThemeInfo(t, t, "")).toList(), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static ClassifiedItem item(int i) {
    CanonicalUrl url = new CanonicalUrl("https://site" + (i % 5) + ".example/p/" + i);
    String theme = THEMES.get(i % 3);
    RawItem raw =
        new RawItem(
            ItemId.of(url),
            url,
            new Source(
                "src-" + (i % 5),
                "Site " + (i % 5),
                i % 2 == 0 ? SourceKind.FEED : SourceKind.POST),
            "Post " + i,
            null,
            new Published(
                Instant.parse("2026-10-12T08:00:00Z").plusSeconds(3_600L * 5 * i),
                Published.Provenance.FEED,
                1),
            Instant.parse("2026-12-01T00:00:00Z"),
            "en",
            "A manager wrote item " + i + ".",
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
        "t",
        "m");
  }

  static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static long sum(JsonNode values) {
    long s = 0;
    for (JsonNode v : values) {
      s += v.path("count").asLong();
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(strings = {"relevance", "newest", "date"})
  void total_isExactAboveAThousand_andFacetsAndHistogramAddUp(String sort) throws Exception {
    JsonNode body =
        json(
            get(
                "/api/search?q=manager&sort="
                    + sort
                    + "&facets=theme,source,kind&histogram=day&tz=Europe/Berlin"));

    assertThat(body.path("total").asLong()).isEqualTo(N);
    assertThat(body.path("totalRelation").asText()).isEqualTo("eq");
    assertThat(sum(body.path("facets").path("theme"))).isEqualTo(N);
    assertThat(sum(body.path("facets").path("source"))).isEqualTo(N);
    assertThat(sum(body.path("facets").path("kind"))).isEqualTo(N);
    assertThat(body.path("histogram").path("interval").asText()).isEqualTo("day");
    assertThat(body.path("histogram").path("tz").asText()).isEqualTo("Europe/Berlin");
    assertThat(sum(body.path("histogram").path("buckets"))).isEqualTo(N);
    assertThat(body.path("next").isTextual()).isTrue();
  }

  @Test
  void emptyQuery_countsEveryItem() throws Exception {
    assertThat(json(get("/api/search")).path("total").asLong()).isEqualTo(N);
    assertThat(json(get("/api/search?sort=newest")).path("total").asLong()).isEqualTo(N);
  }

  @Test
  void facetsAndHistogram_areAbsentUnlessAsked() throws Exception {
    JsonNode body = json(get("/api/search?q=manager"));
    assertThat(body.has("facets")).isFalse();
    assertThat(body.has("histogram")).isFalse();
  }

  @Test
  void cursor_pagesThroughEveryMatchOnce() throws Exception {
    String base = "/api/search?q=manager&theme=layoffs&sort=newest&size=100";
    Set<String> ids = new HashSet<>();
    String next = null;
    int pages = 0;
    do {
      JsonNode body = json(get(base + (next == null ? "" : "&cursor=" + enc(next))));
      for (JsonNode h : body.path("hits")) {
        assertThat(ids.add(h.path("id").asText()))
            .as("page %d: %s after %s", pages, h.path("published").asText(), next)
            .isTrue();
      }
      // the last page has no next (the key is left out, as every null is)
      next = body.path("next").isTextual() ? body.path("next").asText() : null;
      pages++;
    } while (next != null && pages < 20);
    assertThat(ids).hasSize(N / 3);
  }

  @Test
  void tamperedOrForeignCursor_isA400InvalidCursor() throws Exception {
    String next = json(get("/api/search?q=manager&sort=newest")).path("next").asText();
    // The first character of the signature: the last one of unpadded base64 can carry unused bits.
    int at = next.indexOf('.') + 1;
    String tampered =
        next.substring(0, at) + (next.charAt(at) == 'A' ? 'B' : 'A') + next.substring(at + 1);
    String[] bad = {
      "/api/search?q=manager&sort=newest&cursor=" + enc(tampered),
      "/api/search?q=engineer&sort=newest&cursor=" + enc(next),
      "/api/search?q=manager&sort=relevance&cursor=" + enc(next),
      "/api/search?q=manager&sort=newest&cursor=" + enc("bm90IGEgY3Vyc29y.AAAA"),
      "/api/search?q=manager&sort=newest&cursor=%3Cscript%3E"
    };
    for (String path : bad) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
      assertThat(json(r).path("type").asText()).as(path).isEqualTo("/problems/invalid-cursor");
    }
  }

  @Test
  void etag_answers304WhenUnchanged() throws Exception {
    HttpResponse<String> first = get("/api/search?q=manager&facets=kind");
    String tag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = get("/api/search?q=manager&facets=kind", "If-None-Match", tag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    HttpResponse<String> other = get("/api/search?q=item&facets=kind", "If-None-Match", tag);
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownThemeOrKind_isA400NamingTheValues() throws Exception {
    HttpResponse<String> theme = get("/api/search?theme=astrology");
    assertThat(theme.statusCode()).isEqualTo(400);
    assertThat(json(theme).path("detail").asText()).contains("astrology").contains("layoffs");
    HttpResponse<String> kind = get("/api/search?kind=tweet");
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(json(kind).path("detail").asText()).contains("tweet").contains("feed");
    assertThat(get("/api/search?theme=LAYOFFS&kind=Feed").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "facets=colour",
        "histogram=hour",
        "tz=Mars/Olympus",
        "from=2026-13-01",
        "to=yesterday",
        "from=2026-11-02&to=2026-11-01",
        "size=0",
        "size=ten",
        "sort=random"
      })
  void badParameter_isA400ProblemNamingIt(String query) throws Exception {
    HttpResponse<String> r = get("/api/search?" + query);
    assertThat(r.statusCode()).as(query).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).contains(ApiServer.PROBLEM_JSON);
    String name = query.substring(0, query.indexOf('='));
    assertThat(json(r).path("detail").asText())
        .as(query)
        .contains(name.equals("from") && query.contains("to=") ? "to" : name);
  }

  @Test
  void fromAndTo_areDaysInTheRequestedZone() throws Exception {
    long utc = json(get("/api/search?from=2026-10-13&to=2026-10-14")).path("total").asLong();
    long tokyo =
        json(get("/api/search?from=2026-10-13&to=2026-10-14&tz=Asia/Tokyo")).path("total").asLong();
    // items every 5 hours from 2026-10-12T08:00Z: 4 fall on the UTC day (04, 09, 14, 19 h), 5 on
    // Tokyo's, which starts at 15:00Z the day before (18, 23, 04, 09, 14 h)
    assertThat(utc).isEqualTo(4);
    assertThat(tokyo).isEqualTo(5);
    JsonNode first =
        json(get("/api/search?from=2026-10-13&to=2026-10-14&tz=Asia/Tokyo&sort=newest&size=100"));
    for (JsonNode h : first.path("hits")) {
      Instant at = Instant.parse(h.path("published").asText());
      assertThat(at)
          .isBetween(Instant.parse("2026-10-12T15:00:00Z"), Instant.parse("2026-10-13T14:59:59Z"));
    }
  }
}
