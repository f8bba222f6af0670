package io.themewire.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.themewire.core.message.RawItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile feeds (RELIABILITY rows 18, 19, 21): no entity is ever resolved, no DTD or entity is
 * fetched, entity bombs and nesting bombs stay cheap, and the only failure is a {@link
 * FeedParseException}. Every file in {@code src/test/resources/feed/hostile} is swept.
 */
class FeedParserHostileInputTest {

  private static final Instant FETCHED = Instant.parse("2026-11-26T00:00:00Z");
  private static final Duration BUDGET = Duration.ofSeconds(1);
  private static final FeedParser PARSER = new FeedParser();

  @BeforeAll
  static void warmUp() throws Exception {
    // Class loading (ROME, JAXP, jsoup) is a one-off cost, not the parser's: pay it first.
    PARSER.parse("<rss version=\"2.0\"><channel/></rss>".getBytes(UTF_8), "warm-up", FETCHED);
    PARSER.parse(FeedFixtures.bytes("hostile/stray-end-tags.xml"), "warm-up", FETCHED);
  }

  static Stream<Path> hostileFiles() throws IOException {
    try (Stream<Path> files = Files.list(FeedFixtures.folder("hostile"))) {
      return files.sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void everyHostileFile_isReadOrRefusedQuicklyAndLeaksNothing(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);

    Object outcome = assertTimeoutPreemptively(BUDGET, () -> parseOrError(bytes));

    if (outcome instanceof FeedParseException e) {
      assertThat(e.reason()).isIn("empty", "not-a-feed", "parse-error");
      assertThat(e.getMessage()).doesNotContain("\n");
    }
    assertThat(outcome.toString()).doesNotContain("root:").doesNotContain("/bin/");
  }

  // RELIABILITY row 19
  @Test
  void billionLaughs_isCheapAndTheEntityStaysUnexpanded() {
    byte[] bytes = FeedFixtures.bytes("hostile/billion-laughs.xml");

    ParsedFeed feed =
        assertTimeoutPreemptively(BUDGET, () -> PARSER.parse(bytes, "laughs.xml", FETCHED));

    assertThat(feed.degraded()).isTrue();
    assertThat(feed.source().name()).isEqualTo("&lol9;");
    RawItem item = feed.items().get(0);
    assertThat(item.title()).isEqualTo("&lol9;");
    assertThat(item.text()).isEqualTo("&lol9;&lol9;&lol9;&lol9;");
  }

  // RELIABILITY row 18
  @Test
  void externalEntities_neverReadTheFile(@TempDir Path dir) throws Exception {
    String secret = "TOP-SECRET-" + Long.toHexString(Double.doubleToLongBits(Math.PI));
    Path file = Files.writeString(dir.resolve("secret.txt"), secret);
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
            + "  <!ENTITY xxe SYSTEM \""
            + file.toUri()
            + "\">\n"
            + "  <!ENTITY % pe SYSTEM \""
            + file.toUri()
            + "\">\n"
            + "  %pe;\n]>\n"
            + "<rss version=\"2.0\"><channel><title>&xxe;</title>"
            + "<item><title>&xxe;</title><link>https://evil.example/1</link>"
            + "<description>&xxe;</description></item></channel></rss>";

    ParsedFeed feed = PARSER.parse(xml.getBytes(UTF_8), "https://evil.example/rss", FETCHED);

    assertThat(feed.toString()).doesNotContain(secret);
    assertThat(feed.items()).extracting(RawItem::title).containsExactly("&xxe;");
    assertThat(feed.degradedReason()).startsWith("lenient: ").doesNotContain(secret);
  }

  // RELIABILITY row 20
  @Test
  void externalDtdAndEntityOnLoopback_areLeftUnresolved() {
    byte[] bytes = FeedFixtures.bytes("hostile/external-dtd-loopback.xml");

    ParsedFeed feed =
        assertTimeoutPreemptively(BUDGET, () -> PARSER.parse(bytes, "probe.xml", FETCHED));

    assertThat(feed.degraded()).isTrue();
    assertThat(feed.items()).extracting(RawItem::title).containsExactly("Before &probe; after");
  }

  @Test
  void quadraticBlowup_staysLinear() {
    String big = "x".repeat(50_000);
    String refs = "&a;".repeat(10_000);
    byte[] bytes =
        ("<!DOCTYPE rss [<!ENTITY a \""
                + big
                + "\">]><rss version=\"2.0\"><channel><title>Blowup</title><item><title>t</title>"
                + "<link>https://blowup.example/1</link><description>"
                + refs
                + "</description></item></channel></rss>")
            .getBytes(UTF_8);

    ParsedFeed feed =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2), () -> PARSER.parse(bytes, "blowup.xml", FETCHED));

    assertThat(feed.items().get(0).text()).hasSize(refs.length());
  }

  // RELIABILITY row 21
  @Test
  void deepNesting_isReadOrRefusedWithoutBlowingTheStack() {
    int depth = 100_000;
    String wellFormed =
        "<rss version=\"2.0\"><channel><title>Deep</title><item><title>t</title>"
            + "<link>https://deep.example/1</link><description>"
            + "<a>".repeat(depth)
            + "</a>".repeat(depth)
            + "</description></item></channel></rss>";
    String unclosed =
        "<rss version=\"2.0\"><channel><title>Deep</title><item><title>t</title>"
            + "<link>https://deep.example/1</link><description>"
            + "<a></b>".repeat(depth)
            + "</description></item></channel></rss>";

    for (String xml : new String[] {wellFormed, unclosed}) {
      Object outcome =
          assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parseOrError(xml.getBytes(UTF_8)));

      if (outcome instanceof FeedParseException e) {
        assertThat(e.reason()).isEqualTo("parse-error");
      } else {
        assertThat(((ParsedFeed) outcome).items()).extracting(RawItem::title).containsExactly("t");
      }
    }
  }

  @Test
  void unmatchedEndTags_deeperThanTheLimit_areRefusedBeforeJsoupSeesThem() {
    String xml =
        "<rss><channel><item><title>x</title><description>"
            + "<a></b>".repeat(LenientFeedReader.MAX_DEPTH + 1)
            + "</description></item></channel></rss>";

    assertThat(LenientFeedReader.nestedDeeperThan(xml, LenientFeedReader.MAX_DEPTH)).isTrue();
    assertThat(
            LenientFeedReader.nestedDeeperThan(
                "<rss><channel>" + "<item><a/></item>".repeat(10_000) + "</channel></rss>",
                LenientFeedReader.MAX_DEPTH))
        .isFalse();
  }

  /** The parsed feed, or the {@link FeedParseException}; anything else fails the test. */
  private static Object parseOrError(byte[] bytes) {
    try {
      return PARSER.parse(bytes, "hostile.xml", FETCHED);
    } catch (FeedParseException e) {
      return e;
    }
  }
}
