package io.themewire.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.RawItem;
import io.themewire.core.message.SourceKind;
import io.themewire.core.stage.Outcome;
import io.themewire.ingest.Fixtures;
import io.themewire.ingest.fetch.FetchLimits;
import io.themewire.ingest.fetch.HttpFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestStageTest {

  @TempDir Path dir;
  private final HttpFetcher fetcher = new HttpFetcher(FetchLimits.defaults());
  private final IngestStage stage =
      new IngestStage(
          fetcher,
          Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC),
          1_000_000,
          (id, hash) -> false);

  @AfterEach
  void close() {
    fetcher.close();
  }

  private Outcome<RawItem> ingest(String name, byte[] content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return stage.process(new SourceRequest(file.toString()));
  }

  @Test
  void process_sniffsFeedsPagesAndThreadsByContent() throws Exception {
    assertThat(ingest("a.txt", Fixtures.bytes("rss2.xml"))).isInstanceOf(Outcome.Emitted.class);
    Outcome<RawItem> page = ingest("b.dat", Fixtures.bytes("article.html"));
    assertThat(((Outcome.Emitted<RawItem>) page).values().get(0).source().kind())
        .isEqualTo(SourceKind.ARTICLE);
    Outcome<RawItem> thread = ingest("c.json", Fixtures.bytes("hn-thread.json"));
    assertThat(((Outcome.Emitted<RawItem>) thread).values()).hasSize(3);
  }

  /** The stage tells how many items a document held, also when every one was already stored. */
  @Test
  void process_reportsTheItemsDelivered_evenWhenNoneIsNew() throws Exception {
    Path file = dir.resolve("feed.xml");
    Files.write(file, Fixtures.bytes("rss2.xml"));
    IngestStage stored =
        new IngestStage(
            fetcher,
            Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC),
            1_000_000,
            (id, hash) -> true);
    IngestStage.SourceRead read =
        stored.poll(
            new SourceRequest(file.toString()), io.themewire.ingest.fetch.Validators.NONE, r -> {});
    assertThat(read.outcome()).isInstanceOf(Outcome.Skipped.class);
    Outcome<RawItem> fresh = stage.process(new SourceRequest(file.toString()));
    assertThat(read.inDocument()).isEqualTo(((Outcome.Emitted<RawItem>) fresh).values().size());
    assertThat(read.inDocument()).isPositive();
  }

  /**
   * RELIABILITY row 18 through the whole stage: a feed whose DOCTYPE declares an external entity
   * (an internal subset, so its first {@code >} is inside the subset) is still sniffed as a feed —
   * not refused as {@code not-a-feed} — and read with the entity unresolved.
   */
  @Test
  void process_feedWithAnEntityDeclaringDoctype_isReadAsAFeedWithTheEntityUnresolved()
      throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE rss [\n  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
            + "<rss version=\"2.0\"><channel><title>Feed</title>"
            + "<item><title>Career notes &xxe;</title><link>https://a.example/1</link>"
            + "<description>Moving back to IC.</description></item></channel></rss>";
    Outcome<RawItem> out = ingest("xxe.xml", xxe.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(out).isInstanceOf(Outcome.Emitted.class);
    RawItem item = ((Outcome.Emitted<RawItem>) out).values().get(0);
    assertThat(item.source().kind()).isEqualTo(SourceKind.FEED);
    assertThat(item.title()).doesNotContain("root:");
    assertThat(item.text()).doesNotContain("root:");
  }

  @Test
  void process_sameItemsTwice_areSkippedTheSecondTime() throws Exception {
    assertThat(ingest("a.xml", Fixtures.bytes("rss2.xml"))).isInstanceOf(Outcome.Emitted.class);
    assertThat(ingest("b.xml", Fixtures.bytes("rss2.xml"))).isEqualTo(Outcome.skipped("unchanged"));
  }

  // RELIABILITY row 12
  @Test
  void process_badInputsFailWithTypedReasons() throws Exception {
    assertThat(reason(ingest("empty.xml", new byte[0]))).isEqualTo("empty");
    assertThat(reason(ingest("blank.xml", "   \n".getBytes()))).isEqualTo("empty");
    assertThat(
            reason(
                ingest("img.xml", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0})))
        .isEqualTo("binary-content");
    assertThat(reason(ingest("notes.txt", "just some words".getBytes()))).isEqualTo("not-a-feed");
    assertThat(reason(ingest("broken.xml", "<rss><channel><item><title>x".getBytes())))
        .isEqualTo("parse-error");
    assertThat(reason(ingest("x.json", "{\"a\":1}".getBytes()))).isEqualTo("not-a-feed");
    assertThat(reason(stage.process(new SourceRequest(dir.resolve("missing.xml").toString()))))
        .isEqualTo("not-found");
    assertThat(reason(ingest("big.xml", new byte[2_000_000]))).isEqualTo("too-large");
  }

  private static String reason(Outcome<RawItem> o) {
    assertThat(o).isInstanceOf(Outcome.Failed.class);
    return ((Outcome.Failed<RawItem>) o).reason();
  }
}
