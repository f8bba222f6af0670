package io.themewire.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.RawItem;
import java.nio.charset.Charset;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Documents ROME refuses: read leniently and marked degraded, or refused with a clear reason. */
class FeedParserLenientTest {

  private static final Instant FETCHED = Instant.parse("2026-11-26T00:00:00Z");
  private final FeedParser parser = new FeedParser();

  // RELIABILITY row 21
  @Test
  void unclosedTags_recoverEveryItemAndKeepEachFieldWhereItBelongs() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Unclosed Weekly</title>
        <link>https://unclosed.example/</link>
        <item><title>Promotion packets<link>https://unclosed.example/promo</link>
        <description>What goes in one<br>and what does not</description></item>
        <item><title>Second</title><link>https://unclosed.example/second</link></item>
        </channel></rss>
        """;

    ParsedFeed feed = parser.parse(xml.getBytes(UTF_8), "https://unclosed.example/rss", FETCHED);

    assertThat(feed.degraded()).isTrue();
    assertThat(feed.degradedReason()).startsWith("lenient: ");
    assertThat(feed.source().name()).isEqualTo("Unclosed Weekly");
    assertThat(feed.items())
        .extracting(RawItem::title)
        .containsExactly("Promotion packets", "Second");
    assertThat(feed.items())
        .extracting(RawItem::url)
        .containsExactly(
            new CanonicalUrl("https://unclosed.example/promo"),
            new CanonicalUrl("https://unclosed.example/second"));
    assertThat(feed.items().get(0).text()).isEqualTo("What goes in one\nand what does not");
  }

  // RELIABILITY row 21
  @Test
  void controlCharacters_areDropped() throws Exception {
    String xml =
        "<rss version=\"2.0\"><channel><title>Ctrl\u0001 Feed</title>"
            + "<item><title>Bell\u0007 and \u0001start</title>"
            + "<link>https://ctrl.example/1</link><description>a\u0000b</description></item>"
            + "</channel></rss>";

    ParsedFeed feed = parser.parse(xml.getBytes(UTF_8), "https://ctrl.example/rss", FETCHED);

    assertThat(feed.degraded()).isTrue();
    assertThat(feed.degradedReason()).startsWith("lenient: ");
    assertThat(feed.source().name()).isEqualTo("Ctrl Feed");
    RawItem item = feed.items().get(0);
    assertThat(item.title()).isEqualTo("Bell and start");
    assertThat(item.text()).isEqualTo("ab");
  }

  @Test
  void undefinedHtmlEntities_areRepairedByRomeAndMarkedHealed() throws Exception {
    String xml =
        "<rss version=\"2.0\"><channel><title>Caf&eacute; Culture</title>"
            + "<item><title>Bonjour&nbsp;le caf&eacute;</title>"
            + "<link>https://cafe.example/1</link></item></channel></rss>";

    ParsedFeed feed = parser.parse(xml.getBytes(UTF_8), "https://cafe.example/rss", FETCHED);

    assertThat(feed.degraded()).isTrue();
    assertThat(feed.degradedReason()).startsWith("healed: ").contains("eacute");
    assertThat(feed.source().name()).isEqualTo("Café Culture");
    assertThat(feed.items()).extracting(RawItem::title).containsExactly("Bonjour le café");
  }

  @Test
  void undefinedCustomEntity_isLeftAsWrittenByTheLenientReader() throws Exception {
    String xml =
        "<rss version=\"2.0\"><channel><title>Entities</title>"
            + "<item><title>Caf&eacute; &amp; culture &mdash; &bogus; night</title>"
            + "<link>https://entities.example/1</link></item></channel></rss>";

    ParsedFeed feed = parser.parse(xml.getBytes(UTF_8), "https://entities.example/rss", FETCHED);

    assertThat(feed.degraded()).isTrue();
    // The reason is ROME's first complaint; the lenient reader then gets past all of them.
    assertThat(feed.degradedReason()).startsWith("lenient: ").contains("eacute");
    assertThat(feed.items())
        .extracting(RawItem::title)
        .containsExactly("Café & culture — &bogus; night");
  }

  // RELIABILITY row 21
  @Test
  void wrongDeclaredEncoding_isReadInTheCharsetTheBytesAreIn() throws Exception {
    String title = "Café crème: naïve résumé advice for a première — it’s “fine”";
    byte[] bytes =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Legacy Blog</title><item><title>"
                + title
                + "</title><link>https://legacy.example/1</link>"
                + "<description>Les détails de l’été à la crème brûlée.</description>"
                + "</item></channel></rss>")
            .getBytes(Charset.forName("windows-1252"));

    ParsedFeed feed = parser.parse(bytes, "https://legacy.example/rss", FETCHED);

    assertThat(feed.degraded()).isTrue();
    assertThat(feed.degradedReason()).startsWith("charset: ");
    assertThat(feed.items().get(0).title()).doesNotContain("\uFFFD").isEqualTo(title);
  }

  @Test
  void truncatedDocument_keepsTheCompleteItemsAndDropsTheCutOne() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Cut Off Daily</title>
        <item><title>One</title><link>https://cut.example/1</link></item>
        <item><title>Two</title><link>https://cut.example/2</link><description>The server st\
        """;

    ParsedFeed feed = parser.parse(xml.getBytes(UTF_8), "https://cut.example/rss", FETCHED);

    assertThat(feed.degraded()).isTrue();
    assertThat(feed.degradedReason()).startsWith("lenient: ");
    assertThat(feed.items()).extracting(RawItem::title).containsExactly("One");
  }

  @Test
  void truncatedInsideTheOnlyItem_isAParseError() {
    assertThatThrownBy(
            () -> parser.parse("<rss><channel><item><title>x".getBytes(UTF_8), "f", FETCHED))
        .isInstanceOfSatisfying(
            FeedParseException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("parse-error");
              assertThat(e.getMessage()).doesNotContain("\n").contains("none is complete");
            });
  }

  @Test
  void standaloneAtomEntry_isReadAsAFeedOfOne() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <entry xmlns="http://www.w3.org/2005/Atom">
          <title type="text">Leaving management, a year on</title>
          <link rel="alternate" href="https://entry.example/year-on"/>
          <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
          <updated>2026-11-20T10:00:00Z</updated>
          <author><name>Sam Okafor</name></author>
          <content type="html">&lt;p&gt;It was the right call.&lt;/p&gt;</content>
        </entry>
        """;

    ParsedFeed feed = parser.parse(xml.getBytes(UTF_8), "https://entry.example/e.xml", FETCHED);

    assertThat(feed.degraded()).isTrue();
    RawItem item = feed.items().get(0);
    assertThat(feed.items()).hasSize(1);
    assertThat(item.title()).isEqualTo("Leaving management, a year on");
    assertThat(item.url()).isEqualTo(new CanonicalUrl("https://entry.example/year-on"));
    assertThat(item.author()).isEqualTo("Sam Okafor");
    assertThat(item.published().at()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    assertThat(item.text()).isEqualTo("It was the right call.");
  }

  @Test
  void lenientRss10_readsItemsBesideTheChannelWithDublinCore() throws Exception {
    String xml =
        """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://levels.example/"><title>Levels</title>
          <link>https://levels.example/</link></channel>
        <item rdf:about="https://levels.example/l5"><title>What L5 means &nbsp;</title>
          <dc:creator>Ama Owusu</dc:creator><dc:date>2026-10-27T12:00:00Z</dc:date>
          <description>Scope, not hours.<br></description></item>
        </rdf:RDF>
        """;

    ParsedFeed feed = parser.parse(xml.getBytes(UTF_8), "/tmp/levels.rdf", FETCHED);

    assertThat(feed.degraded()).isTrue();
    assertThat(feed.source().id()).isEqualTo("https://levels.example/");
    RawItem item = feed.items().get(0);
    assertThat(item.title()).isEqualTo("What L5 means");
    assertThat(item.url()).isEqualTo(new CanonicalUrl("https://levels.example/l5"));
    assertThat(item.author()).isEqualTo("Ama Owusu");
    assertThat(item.published().at()).isEqualTo(Instant.parse("2026-10-27T12:00:00Z"));
    assertThat(item.text()).isEqualTo("Scope, not hours.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no bytes                   | empty      |
          only white space           | empty      | '   \\n   '
          only a comment             | empty      | <!-- nothing here -->
          plain text                 | not-a-feed | just some words
          an unknown root            | not-a-feed | <note><to>Tove</to></note>
          an HTML page               | not-a-feed | <!DOCTYPE html><html><body><p>hi</p></body></html>
          """)
  void notAFeed_isRefusedWithAReasonAndOneLineMessage(String what, String reason, String text) {
    byte[] bytes = text == null ? new byte[0] : text.replace("\\n", "\n").getBytes(UTF_8);

    assertThatThrownBy(() -> parser.parse(bytes, "f", FETCHED))
        .as(what)
        .isInstanceOfSatisfying(
            FeedParseException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).startsWith(reason + ": ").doesNotContain("\n");
            });
  }
}
