package io.themewire.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.RawItem;
import io.themewire.testkit.FixtureServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY row 20: a feed whose DTD, external entity or parameter entity points at a loopback
 * server makes the server see no request at all.
 */
class FeedParserEntityIT {

  private static final Instant FETCHED = Instant.parse("2026-11-26T00:00:00Z");
  private final FixtureServer server = FixtureServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  // RELIABILITY row 20
  @Test
  void dtdAndExternalEntities_areNeverFetched() throws Exception {
    server
        .route("/dtd", FixtureServer.body(200, "application/xml-dtd", "<!ENTITY probe 'fetched'>"))
        .route("/entity", FixtureServer.body(200, "text/plain", "fetched"))
        .route("/parameter", FixtureServer.body(200, "application/xml-dtd", "<!-- fetched -->"));
    String xml =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE rss SYSTEM \""
            + server.url("/dtd")
            + "\" [\n"
            + "  <!ENTITY probe SYSTEM \""
            + server.url("/entity")
            + "\">\n"
            + "  <!ENTITY % remote SYSTEM \""
            + server.url("/parameter")
            + "\">\n"
            + "  %remote;\n"
            + "]>\n"
            + "<rss version=\"2.0\"><channel><title>Probe</title>"
            + "<item><title>Before &probe; after</title><link>https://evil.example/1</link></item>"
            + "</channel></rss>";

    ParsedFeed feed = new FeedParser().parse(xml.getBytes(UTF_8), server.url("/feed"), FETCHED);

    assertThat(feed.items()).extracting(RawItem::title).containsExactly("Before &probe; after");
    assertThat(server.hits("/dtd")).isZero();
    assertThat(server.hits("/entity")).isZero();
    assertThat(server.hits("/parameter")).isZero();
  }
}
