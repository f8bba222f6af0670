package io.themewire.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.DeadLetter;
import io.themewire.core.message.Direction;
import io.themewire.core.message.Engagement;
import io.themewire.core.message.Evidence;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.SentenceSpan;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.core.message.ThemeScore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {

  static RawItem fullItem() {
    CanonicalUrl url = new CanonicalUrl("https://blog.example/2026/11/back-to-ic");
    return new RawItem(
        ItemId.of(url),
        url,
        new Source("https://blog.example/feed.xml", "Example Blog", SourceKind.FEED),
        "Back to IC",
        "Zoë Álvarez",
        new Published(Instant.parse("2026-11-10T08:00:00Z"), Published.Provenance.FEED, 1.0),
        Instant.parse("2026-11-11T09:30:00Z"),
        "en",
        "After six years as a manager I went back to writing code.",
        ItemId.of("hn", "1"),
        ItemId.of("hn", "0"),
        new CanonicalUrl("https://other.example/a"),
        new Engagement(212, 48),
        null);
  }

  @Test
  void rawItem_roundTripsEveryField() {
    RawItem item = fullItem();
    RawItem back = Topic.ITEMS_RAW.codec().decode(Topic.ITEMS_RAW.codec().encode(item));
    assertThat(back).isEqualTo(item);
  }

  @Test
  void rawItem_nullsAreLeftOutAndReadBackAsNull() {
    RawItem item =
        new RawItem(
            ItemId.of("mastodon", "42"),
            null,
            new Source("mastodon", null, SourceKind.POST),
            null,
            null,
            Published.firstSeen(Instant.parse("2026-11-01T00:00:00Z")),
            Instant.parse("2026-11-01T00:00:00Z"),
            null,
            "short post",
            null,
            null,
            null,
            null,
            null);
    String json = Topic.ITEMS_RAW.codec().encodeToString(item);
    assertThat(json).doesNotContain("null").doesNotContain("\"url\"");
    assertThat(Topic.ITEMS_RAW.codec().decode(json)).isEqualTo(item);
  }

  @Test
  void rawItem_unknownFieldsAreIgnored() {
    String json = Topic.ITEMS_RAW.codec().encodeToString(fullItem());
    String newer = json.replaceFirst("\\{", "{\"schemaExtra\":{\"x\":[1,2]},");
    assertThat(Topic.ITEMS_RAW.codec().decode(newer)).isEqualTo(fullItem());
  }

  @Test
  void classifiedItem_roundTrips() {
    ClassifiedItem item =
        new ClassifiedItem(
            fullItem(),
            List.of(new ThemeScore("manager-to-ic", 0.91), new ThemeScore("ic-leadership", 0.3)),
            "manager-to-ic",
            new Direction("manager", "individual contributor"),
            List.of(),
            List.of(new Evidence("manager-to-ic", 12, 70, "After six years...", 0.93)),
            List.of(new SentenceSpan(12, 70, 0.93)),
            List.of("truncated"),
            "career-1",
            "model-abc");
    var codec = Topic.ITEMS_CLASSIFIED.codec();
    assertThat(codec.decode(codec.encode(item))).isEqualTo(item);
  }

  @Test
  void deadLetter_roundTrips() {
    DeadLetter letter =
        new DeadLetter("ingest", "not-a-feed", "no root element", "{}", Instant.EPOCH);
    var codec = Topic.ITEMS_DEAD.codec();
    assertThat(codec.decode(codec.encode(letter))).isEqualTo(letter);
  }

  @Test
  void decode_invalidJson_namesTheTypeAndProblem() {
    assertThatThrownBy(() -> Topic.ITEMS_RAW.codec().decode("{not json"))
        .isInstanceOf(Codec.CodecException.class)
        .hasMessageStartingWith("cannot decode RawItem: ");
  }

  @Test
  void decode_invalidValue_isACodecException() {
    String json = Topic.ITEMS_RAW.codec().encodeToString(fullItem());
    String bad = json.replace("https://blog.example/2026/11/back-to-ic", "javascript:alert(1)");
    assertThatThrownBy(() -> Topic.ITEMS_RAW.codec().decode(bad))
        .isInstanceOf(Codec.CodecException.class)
        .hasMessageContaining("only http and https");
  }

  @Test
  void itemId_isStableForTheSameUrl() {
    CanonicalUrl url = new CanonicalUrl("https://a.example/x");
    assertThat(ItemId.of(url)).isEqualTo(ItemId.of(new CanonicalUrl("https://a.example/x")));
    assertThat(ItemId.of(url)).isNotEqualTo(ItemId.of("feed", "https://a.example/x"));
  }
}
