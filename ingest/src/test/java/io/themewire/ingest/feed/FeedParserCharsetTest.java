package io.themewire.ingest.feed;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Charset precedence: HTTP Content-Type charset, then byte order mark, then XML declaration, then
 * UTF-8, then the detector. Golden titles, never U+FFFD.
 */
class FeedParserCharsetTest {

  private static final Instant FETCHED = Instant.parse("2026-11-26T00:00:00Z");
  private static final String LOCATION = "https://charsets.example/feed.xml";
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Accented Latin letters and windows-1252 punctuation, nothing outside windows-1252. */
  private static final String LATIN_TITLE =
      "Café crème: naïve résumé advice for a première — it’s “fine”";

  private final FeedParser parser = new FeedParser();

  // RELIABILITY row 22
  @Test
  void utf16WithByteOrderMark_isReadCleanly() throws Exception {
    String title = "Zoë’s café — 東京 notes";
    byte[] bytes =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, feed("UTF-16", title).getBytes(UTF_16LE));

    ParsedFeed feed = parser.parse(bytes, LOCATION, FETCHED);

    assertThat(feed.items().get(0).title()).isEqualTo(title);
    assertThat(feed.degraded()).isFalse();
  }

  @Test
  void utf16WithoutByteOrderMark_isToldByItsByteLayout() throws Exception {
    String title = "Zoë’s café — 東京 notes";

    ParsedFeed feed = parser.parse(feed("UTF-16", title).getBytes(UTF_16BE), LOCATION, FETCHED);

    assertThat(feed.items().get(0).title()).isEqualTo(title);
    assertThat(feed.degraded()).isFalse();
  }

  // RELIABILITY row 22
  @Test
  void windows1252WithoutDeclaration_isDetected() throws Exception {
    byte[] bytes = feed(null, LATIN_TITLE).getBytes(WINDOWS_1252);

    ParsedFeed feed = parser.parse(bytes, LOCATION, FETCHED);

    assertThat(feed.items().get(0).title()).isEqualTo(LATIN_TITLE);
    assertThat(feed.items().get(0).text()).doesNotContain("\uFFFD");
    // Without a declaration the document was not UTF-8, so not well-formed XML: say so.
    assertThat(feed.degraded()).isTrue();
    assertThat(feed.degradedReason()).startsWith("charset: ");
  }

  // RELIABILITY row 22
  @Test
  void utf8DeclaredIso88591_withHttpCharsetUtf8_followsTheHeader() throws Exception {
    byte[] bytes = feed("ISO-8859-1", LATIN_TITLE).getBytes(UTF_8);

    ParsedFeed feed =
        parser.parse(bytes, LOCATION, FETCHED, "application/rss+xml; charset=\"utf-8\"");

    assertThat(feed.items().get(0).title()).isEqualTo(LATIN_TITLE);
    assertThat(feed.degraded()).isFalse();
  }

  @Test
  void utf8DeclaredIso88591_withoutHeader_isStillReadAsUtf8ButFlagged() throws Exception {
    byte[] bytes = feed("ISO-8859-1", LATIN_TITLE).getBytes(UTF_8);

    ParsedFeed feed = parser.parse(bytes, LOCATION, FETCHED);

    assertThat(feed.items().get(0).title()).isEqualTo(LATIN_TITLE);
    assertThat(feed.degraded()).isTrue();
    assertThat(feed.degradedReason()).contains("the bytes are UTF-8");
  }

  // RELIABILITY row 22
  @Test
  void httpCharset_winsOverTheXmlDeclaration() throws Exception {
    byte[] bytes = feed("UTF-8", LATIN_TITLE).getBytes(WINDOWS_1252);

    ParsedFeed feed = parser.parse(bytes, LOCATION, FETCHED, "text/xml;charset=windows-1252");

    assertThat(feed.items().get(0).title()).isEqualTo(LATIN_TITLE);
    assertThat(feed.degraded()).isFalse();
  }

  // RELIABILITY row 22
  @Test
  void byteOrderMark_winsOverTheXmlDeclaration() throws Exception {
    byte[] bytes =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            feed("ISO-8859-1", LATIN_TITLE).getBytes(UTF_8));

    ParsedFeed feed = parser.parse(bytes, LOCATION, FETCHED);

    assertThat(feed.items().get(0).title()).isEqualTo(LATIN_TITLE);
    assertThat(feed.degraded()).isFalse();
  }

  @Test
  void declaredLegacyCharset_isReadAsDeclared() throws Exception {
    byte[] bytes = feed("EUC-KR", "년 회고").getBytes(Charset.forName("EUC-KR"));

    ParsedFeed feed = parser.parse(bytes, LOCATION, FETCHED);

    assertThat(feed.items().get(0).title()).isEqualTo("년 회고");
    assertThat(feed.degraded()).isFalse();
  }

  @Test
  void iso88591Declared_readsWindows1252PunctuationAsBrowsersDo() throws Exception {
    byte[] bytes = feed("ISO-8859-1", LATIN_TITLE).getBytes(WINDOWS_1252);

    ParsedFeed feed = parser.parse(bytes, LOCATION, FETCHED);

    assertThat(feed.items().get(0).title()).isEqualTo(LATIN_TITLE);
    assertThat(feed.degraded()).isFalse();
  }

  @Test
  void unknownDeclaredEncoding_fallsBackToUtf8AndSaysSo() throws Exception {
    byte[] bytes = feed("bogus", "Plain ASCII title").getBytes(ISO_8859_1);

    ParsedFeed feed = parser.parse(bytes, LOCATION, FETCHED);

    assertThat(feed.items().get(0).title()).isEqualTo("Plain ASCII title");
    assertThat(feed.degraded()).isTrue();
    assertThat(feed.degradedReason()).contains("unknown encoding 'bogus'");
  }

  /** An RSS 2.0 feed with one item; {@code encoding} null for no XML declaration. */
  private static String feed(String encoding, String title) {
    String declaration =
        encoding == null ? "" : "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n";
    return declaration
        + "<rss version=\"2.0\"><channel><title>Charsets</title>"
        + "<link>https://charsets.example/</link><item><title>"
        + title
        + "</title><link>https://charsets.example/1</link>"
        + "<description>Les détails de l’été à la crème brûlée.</description>"
        + "</item></channel></rss>";
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
