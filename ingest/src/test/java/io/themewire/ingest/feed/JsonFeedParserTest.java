package io.themewire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFeedParserTest {

  private static final Instant FETCHED = Instant.parse("2026-11-26T00:00:00Z");
  private final JsonFeedParser parser = new JsonFeedParser();

  @Test
  void version11_readsItemsWithTheFeedConventions() throws Exception {
    String location = "https://staffplus.example/feed.json";

    ParsedFeed feed = parser.parse(json("jsonfeed-1.1.json"), location, FETCHED);

    Source source = new Source(location, "Staff Plus Notes", SourceKind.FEED);
    CanonicalUrl first = new CanonicalUrl("https://staffplus.example/2026/11/influence");
    CanonicalUrl third = new CanonicalUrl("https://staffplus.example/links/back-to-ic");
    assertThat(feed)
        .isEqualTo(
            new ParsedFeed(
                source,
                "https://staffplus.example/",
                List.of(
                    item(
                        ItemId.of(first),
                        first,
                        source,
                        "Influence without a title",
                        "Kofi Mensah",
                        new Published(
                            Instant.parse("2026-11-20T07:30:00Z"), Published.Provenance.FEED, 1.0),
                        "Staff engineers lead through writing.\n\nStart with the design doc."),
                    item(
                        ItemId.of(location, "note-42"),
                        null,
                        source,
                        "",
                        "Ines Duarte",
                        new Published(
                            Instant.parse("2026-11-21T10:00:00Z"), Published.Provenance.FEED, 1.0),
                        "A short note\n\nwithout a link."),
                    item(
                        ItemId.of(third),
                        third,
                        source,
                        "Why I went back to IC",
                        "Ines Duarte",
                        new Published(FETCHED, Published.Provenance.FIRST_SEEN, 0.3),
                        "A linked post."))));
  }

  @Test
  void version10_readsNumericIdsSingleAuthorsAndResolvesAgainstTheHomePage() throws Exception {
    ParsedFeed feed = parser.parse(json("jsonfeed-1.0.json"), "/data/managers.json", FETCHED);

    Source source =
        new Source("https://managers.example/", "Manager Tools Digest", SourceKind.FEED);
    CanonicalUrl first = new CanonicalUrl("https://managers.example/one-on-ones");
    assertThat(feed.source()).isEqualTo(source);
    assertThat(feed.degraded()).isFalse();
    assertThat(feed.items())
        .containsExactly(
            item(
                ItemId.of(first),
                first,
                source,
                "Better one-on-ones",
                "Rhea Patel",
                new Published(
                    Instant.parse("2026-10-01T16:00:00Z"), Published.Provenance.FEED, 1.0),
                "Ask about blockers first."),
            item(
                ItemId.of("https://managers.example/", "2"),
                null,
                source,
                "Skip-levels",
                "Feed Author",
                Published.firstSeen(FETCHED),
                "Hold them monthly."));
  }

  @Test
  void feedParser_readsJsonFeedBytesThroughTheSameParser() throws Exception {
    String location = "https://staffplus.example/feed.json";

    ParsedFeed viaFeedParser =
        new FeedParser().parse(FeedFixtures.bytes("jsonfeed-1.1.json"), location, FETCHED);

    assertThat(viaFeedParser).isEqualTo(parser.parse(json("jsonfeed-1.1.json"), location, FETCHED));
  }

  @Test
  void looksLikeJsonFeed_wantsAnObjectWithAJsonFeedVersionUrl() throws Exception {
    assertThat(
            JsonFeedParser.looksLikeJsonFeed(
                tree("{\"version\":\"https://jsonfeed.org/version/1.1\"}")))
        .isTrue();
    assertThat(
            JsonFeedParser.looksLikeJsonFeed(
                tree("{\"version\":\"https://jsonfeed.org/version/1\"}")))
        .isTrue();
    assertThat(JsonFeedParser.looksLikeJsonFeed(tree("{\"version\":\"1.1\",\"items\":[]}")))
        .isFalse();
    assertThat(
            JsonFeedParser.looksLikeJsonFeed(tree("{\"id\":1,\"type\":\"story\",\"children\":[]}")))
        .isFalse();
    assertThat(
            JsonFeedParser.looksLikeJsonFeed(
                tree("[{\"version\":\"https://jsonfeed.org/version/1\"}]")))
        .isFalse();
    assertThat(JsonFeedParser.looksLikeJsonFeed(null)).isFalse();
  }

  @Test
  void parse_otherJsonIsNotAFeedAndAMissingItemListIsAParseError() throws Exception {
    assertThatThrownBy(() -> parser.parse(tree("{\"id\":1,\"children\":[]}"), "x.json", FETCHED))
        .isInstanceOfSatisfying(
            FeedParseException.class, e -> assertThat(e.reason()).isEqualTo("not-a-feed"));
    assertThatThrownBy(
            () ->
                parser.parse(
                    tree("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\"}"),
                    "x.json",
                    FETCHED))
        .isInstanceOfSatisfying(
            FeedParseException.class, e -> assertThat(e.reason()).isEqualTo("parse-error"));
  }

  @Test
  void feedParser_invalidJsonIsAParseErrorAndOtherJsonIsNotAFeed() {
    FeedParser feeds = new FeedParser();

    assertThatThrownBy(() -> feeds.parse("{\"version\": ".getBytes(), "x.json", FETCHED))
        .isInstanceOfSatisfying(
            FeedParseException.class, e -> assertThat(e.reason()).isEqualTo("parse-error"));
    assertThatThrownBy(() -> feeds.parse("{\"a\": 1}".getBytes(), "x.json", FETCHED))
        .isInstanceOfSatisfying(
            FeedParseException.class, e -> assertThat(e.reason()).isEqualTo("not-a-feed"));
  }

  private static RawItem item(
      ItemId id,
      CanonicalUrl url,
      Source source,
      String title,
      String author,
      Published published,
      String text) {
    return new RawItem(
        id, url, source, title, author, published, FETCHED, null, text, null, null, null, null,
        null);
  }

  private static JsonNode json(String fixture) throws Exception {
    return Json.mapper().readTree(FeedFixtures.bytes(fixture));
  }

  private static JsonNode tree(String json) throws Exception {
    return Json.mapper().readTree(json);
  }
}
