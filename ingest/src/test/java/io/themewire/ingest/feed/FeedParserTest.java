package io.themewire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void doctype_isRefusedSoExternalEntitiesNeverResolve() {
    assertThatThrownBy(() -> parser.parse(Fixtures.bytes("xxe.xml"), "x", FETCHED))
        .isInstanceOf(FeedParseException.class)
        .satisfies(
            e -> assertThat(((FeedParseException) e).reason()).isEqualTo("doctype-not-allowed"))
        .hasMessageNotContaining("root:");
  }

  @Test
  void futureDate_isClampedToFetchTime() throws Exception {
    String xml =
        "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
            + "<link>https://a.example/x</link><pubDate>Mon, 01 Jan 2999 00:00:00 GMT</pubDate></item></channel></rss>";
    RawItem item = parser.parse(xml.getBytes(), "f", FETCHED).items().get(0);
    assertThat(item.published().at()).isEqualTo(FETCHED);
    assertThat(item.published().provenance()).isEqualTo(Published.Provenance.FIRST_SEEN);
  }

  @Test
  void dates_readTheFormsFeedsUse() {
    assertThat(Dates.parse("Mon, 02 Nov 2026 09:15:00 EDT"))
        .contains(Instant.parse("2026-11-02T13:15:00Z"));
    assertThat(Dates.parse("2 Nov 2026 09:15 +0100"))
        .contains(Instant.parse("2026-11-02T08:15:00Z"));
    assertThat(Dates.parse("2026-11-02T09:15:00+0200"))
        .contains(Instant.parse("2026-11-02T07:15:00Z"));
    assertThat(Dates.parse("2026-11-02")).contains(Instant.parse("2026-11-02T00:00:00Z"));
    assertThat(Dates.parse("yesterday")).isEmpty();
  }
}
