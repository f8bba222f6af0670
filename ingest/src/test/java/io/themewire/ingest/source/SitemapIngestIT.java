package io.themewire.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.stage.Outcome;
import io.themewire.ingest.fetch.FetchLimits;
import io.themewire.ingest.fetch.HttpFetcher;
import io.themewire.testkit.FixtureServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A site without a feed, followed through its news sitemap. */
class SitemapIngestIT {

  private final FixtureServer server = FixtureServer.start();
  private final HttpFetcher fetcher =
      new HttpFetcher(FetchLimits.defaults().withAllowPrivate(true).withHostDelay(Duration.ZERO));
  private final IngestStage stage =
      new IngestStage(
          fetcher,
          Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC),
          1_000_000,
          (id, h) -> false);

  @AfterEach
  void close() {
    fetcher.close();
    server.close();
  }

  private static String page(String title, String body) {
    return "<html lang=en><head><title>"
        + title
        + "</title></head><body><article><h1>"
        + title
        + "</h1><p>"
        + (body + " ").repeat(6)
        + "</p></article></body></html>";
  }

  @Test
  void newsSitemap_listsArticlesThatAreFetchedNewestFirstAndDated() {
    server.route(
        "/a",
        FixtureServer.body(
            200,
            "text/html; charset=utf-8",
            page("First", "The first article body speaks of a move back to engineering.")));
    server.route(
        "/b",
        FixtureServer.body(
            200,
            "text/html; charset=utf-8",
            page("Second", "The second article body speaks of career ladders and levels.")));
    server.route("/gone", FixtureServer.body(404, "text/plain", "no"));
    String sitemap =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
            + "<url><loc>"
            + server.url("/a")
            + "</loc><news:news><news:publication><news:name>X</news:name>"
            + "<news:language>en</news:language></news:publication>"
            + "<news:publication_date>2026-11-20T08:00:00Z</news:publication_date><news:title>First</news:title></news:news></url>"
            + "<url><loc>"
            + server.url("/b")
            + "</loc><lastmod>2026-11-24</lastmod></url>"
            + "<url><loc>"
            + server.url("/gone")
            + "</loc><lastmod>2026-11-01</lastmod></url>"
            + "</urlset>";
    server.route("/sitemap.xml", FixtureServer.body(200, "application/xml", sitemap));

    Outcome<RawItem> outcome = stage.process(new SourceRequest(server.url("/sitemap.xml")));

    List<RawItem> items = ((Outcome.Emitted<RawItem>) outcome).values();
    assertThat(items).extracting(RawItem::title).containsExactly("Second", "First");
    assertThat(items.get(1).published())
        .isEqualTo(
            new Published(
                Instant.parse("2026-11-20T08:00:00Z"), Published.Provenance.SITEMAP, 0.85));
    assertThat(server.hits("/gone")).isEqualTo(1);
  }
}
