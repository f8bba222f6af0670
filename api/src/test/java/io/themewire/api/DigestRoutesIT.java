package io.themewire.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.SentenceSpan;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import io.themewire.digest.briefing.BriefingArchive;
import io.themewire.digest.briefing.Briefings;
import io.themewire.index.lucene.LuceneArticleIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/digest} on the real server on a free port, over a real index. */
class DigestRoutesIT {

  @TempDir static Path dir;
  static LuceneArticleIndex index;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    index = LuceneArticleIndex.open(dir.resolve("index"));
    index.upsert(
        item(
            "https://quillmark.example/a",
            "Harbourline opens a staff track <b>with director pay</b>",
            "Staff and principal engineers will be paid on the same bands as directors from 1"
                + " March. The company said promotions to staff will need a written case reviewed"
                + " by a committee."));
    index.upsert(
        item(
            "https://fernbrook.example/b",
            "My first week as an engineering manager",
            "On Monday I stopped being a senior engineer and became the manager of my team."
                + " The first surprise was how little of my calendar was mine."));
    index.commit();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("career-framework", "Career frameworks");
    Briefings briefings =
        Briefings.overIndex(index, labels, new BriefingArchive(dir.resolve("briefings")));
    server =
        ApiServer.start(
            index,
            ApiServer.Options.of(
                    List.of(new ThemeInfo("career-framework", "Career frameworks", "")))
                .withRoutes(new DigestRoutes(briefings)),
            "127.0.0.1",
            0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static ClassifiedItem item(String url, String title, String text) {
    CanonicalUrl u = new CanonicalUrl(url);
    Instant at = Instant.parse("2026-11-24T10:00:00Z");
    RawItem raw =
        new RawItem(
            ItemId.of(u),
            u,
            new Source(u.host(), u.host(), SourceKind.FEED),
            title,
            null,
            new Published(at, Published.Provenance.FEED, 1),
            at,
            "en",
            text,
            null,
            null,
            null,
            null,
            null);
    String full = raw.fullText();
    int body = title.length() + 2;
    int split = full.indexOf(". ", body) + 1;
    List<SentenceSpan> spans =
        List.of(
            new SentenceSpan(body, split, 0.8), new SentenceSpan(split + 1, full.length(), 0.6));
    return new ClassifiedItem(
        raw,
        List.of(new ThemeScore("career-framework", 0.8)),
        "career-framework",
        null,
        List.of(),
        List.of(),
        spans,
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

  @Test
  void digest_defaultsToJson_inTheContractShape() throws Exception {
    HttpResponse<String> r = get("/api/digest?date=2026-11-24");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.path("date").asText()).isEqualTo("2026-11-24");
    assertThat(body.path("zone").asText()).isEqualTo("UTC");
    JsonNode story = body.path("themes").get(0).path("stories").get(0);
    assertThat(story.fieldNames())
        .toIterable()
        .contains("id", "headline", "new", "summary", "themes", "direction", "engagement", "links");
    assertThat(story.path("summary").get(0).path("sources").get(0).asText()).endsWith(".example");
    assertThat(r.body()).doesNotContain("<b>"); // markup in a title is escaped even in JSON
  }

  @Test
  void digest_html_isEmailSafe_withTheSecurityHeaders() throws Exception {
    HttpResponse<String> r = get("/api/digest?date=2026-11-24&format=html");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.body()).contains("&lt;b&gt;with director pay&lt;/b&gt;").doesNotContain("<script");
  }

  // RELIABILITY row 29: every format of the digest carries the page's CSP and nosniff
  @ParameterizedTest
  @ValueSource(strings = {"json", "html", "md", "atom"})
  void digest_everyFormat_carriesTheSecurityHeaders(String format) throws Exception {
    HttpResponse<String> r = get("/api/digest?date=2026-11-24&format=" + format);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(PageRoutesIT.CSP);
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void digest_markdownAndAtom_areServedWithTheirTypes() throws Exception {
    assertThat(get("/api/digest?date=2026-11-24&format=md").headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/markdown"));
    HttpResponse<String> atom = get("/api/digest?date=2026-11-24&format=atom&tz=Europe/Berlin");
    assertThat(atom.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/atom+xml"));
    assertThat(atom.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
  }

  @Test
  void digest_sameRequestTwice_sameBytes_andItsETagGets304() throws Exception {
    HttpResponse<String> first = get("/api/digest?date=2026-11-24&format=md");
    HttpResponse<String> second = get("/api/digest?date=2026-11-24&format=md");
    assertThat(second.body()).isEqualTo(first.body());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(get("/api/digest?date=2026-11-24&format=md", "If-None-Match", etag).statusCode())
        .isEqualTo(304);
  }

  @Test
  void badParameters_areOneProblemNamingEach() throws Exception {
    HttpResponse<String> r = get("/api/digest?date=24.11.2026&format=pdf&tz=Mars%2FOlympus");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode p = Json.mapper().readTree(r.body());
    assertThat(p.path("type").asText()).isEqualTo("/problems/invalid-parameter");
    assertThat(p.path("detail").asText()).contains("date", "format", "tz");
    assertThat(get("/api/digest").statusCode()).isEqualTo(400);
  }
}
