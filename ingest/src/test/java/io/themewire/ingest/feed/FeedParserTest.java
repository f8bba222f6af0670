package io.themewire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.SourceKind;
import io.themewire.ingest.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  private static final Instant FETCHED = Instant.parse("2026-11-26T00:00:00Z");
  private final FeedParser parser = new FeedParser();

  @Test
  void rss2_readsEntriesWithCanonicalLinksDatesAndContent() throws Exception {
    ParsedFeed feed =
        parser.parse(Fixtures.bytes("rss2.xml"), "https://quarry-lane.example/feed.xml", FETCHED);

    assertThat(feed.source().name()).isEqualTo("Quarry Lane Engineering");
    assertThat(feed.source().kind()).isEqualTo(SourceKind.FEED);
    List<RawItem> items = feed.items();
    assertThat(items).hasSize(2);
    RawItem first = items.get(0);
    assertThat(first.title()).isEqualTo("Why I handed back my reports");
    assertThat(first.url().value())
        .isEqualTo("https://quarry-lane.example/2026/11/02/handing-back-reports");
    assertThat(first.published())
        .isEqualTo(
            new Published(Instant.parse("2026-11-02T14:15:00Z"), Published.Provenance.FEED, 1.0));
    assertThat(first.text())
        .isEqualTo(
            "After four years running the storage team I asked to go back to being an engineer.\n\n"
                + "It was the best decision I made this year.");
    assertThat(items.get(1).text()).isEqualTo("We moved the monorepo to a new package manager.");
  }

  @Test
  void atom_resolvesRelativeLinksAndReadsHtmlTitles() throws Exception {
    ParsedFeed feed = parser.parse(Fixtures.bytes("atom.xml"), "/tmp/atom.xml", FETCHED);

    RawItem entry = feed.items().get(0);
    assertThat(entry.title()).isEqualTo("Influence without authority");
    assertThat(entry.url().value()).isEqualTo("https://principal-notes.example/posts/influence");
    assertThat(entry.author()).isEqualTo("Zoë Lindqvist");
    assertThat(entry.published().at()).isEqualTo(Instant.parse("2026-11-19T07:30:00Z"));
  }

  @Test
  void rdf_readsDublinCoreDateAndCreator() throws Exception {
    ParsedFeed feed =
        parser.parse(Fixtures.bytes("rdf.xml"), "https://levels.example/rss", FETCHED);

    RawItem item = feed.items().get(0);
    assertThat(item.author()).isEqualTo("Ama Owusu");
    assertThat(item.published().at()).isEqualTo(Instant.parse("2026-10-27T12:00:00Z"));
  }

  // RELIABILITY row 18
  @Test
  void doctype_isReadLenientlyWithTheEntityUnresolved() throws Exception {
    ParsedFeed feed = parser.parse(Fixtures.bytes("xxe.xml"), "x", FETCHED);

    assertThat(feed.degraded()).isTrue();
    assertThat(feed.degradedReason()).startsWith("lenient: ").contains("DOCTYPE");
    assertThat(feed.source().name()).isEqualTo("&xxe;");
    assertThat(feed.items()).extracting(RawItem::title).containsExactly("&xxe;");
    assertThat(feed.items().get(0).url().value()).isEqualTo("https://evil.example/1");
    assertThat(feed.toString()).doesNotContain("root:");
  }

  @Test
  void wellFormedFeed_isNotDegradedAndTheContentTypeOverloadReadsItTheSame() throws Exception {
    byte[] bytes = Fixtures.bytes("rss2.xml");

    ParsedFeed plain = parser.parse(bytes, "https://quarry-lane.example/feed.xml", FETCHED);
    ParsedFeed withHeader =
        parser.parse(
            bytes,
            "https://quarry-lane.example/feed.xml",
            FETCHED,
            "application/rss+xml; charset=UTF-8");

    assertThat(plain.degraded()).isFalse();
    assertThat(plain.degradedReason()).isNull();
    assertThat(withHeader).isEqualTo(plain);
  }

  // RELIABILITY row 24
  @Test
  void futureDate_isClampedToFetchTime() throws Exception {
    String xml =
        "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><link>https://a.example/x</link><pubDate>Mon,"
            + " 01 Jan 2999 00:00:00 GMT</pubDate></item></channel></rss>";
    RawItem item = parser.parse(xml.getBytes(), "f", FETCHED).items().get(0);
    assertThat(item.published().at()).isEqualTo(FETCHED);
    assertThat(item.published().provenance()).isEqualTo(Published.Provenance.FIRST_SEEN);
  }
}
