package io.themewire.ingest.discussion;

import static io.themewire.ingest.discussion.DiscussionFixtures.FETCHED_AT;
import static io.themewire.ingest.discussion.DiscussionFixtures.bytes;
import static io.themewire.ingest.discussion.DiscussionFixtures.fromSource;
import static io.themewire.ingest.discussion.DiscussionFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.Engagement;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesPostsFormatTest {

  private static final String GOOD_LINE =
      "{\"author\":\"jkim\",\"text\":\"Promoted.\",\"created_at\":\"2026-11-13T08:30:00Z\"}";

  private final JsonLinesPostsFormat format =
      new JsonLinesPostsFormat(DiscussionFormats.MAX_JSON_LINES);

  @Test
  void parseLines_readsEveryPostAndSkipsBlankLines() throws Exception {
    // Given posts from two networks and one without a network, with and without ids and URLs
    byte[] lines = bytes("posts.jsonl");

    // When
    List<RawItem> items = format.parseLines(lines, FETCHED_AT);

    // Then ids fall back from id to URL to author, time and text
    String threadsText = "First job search in ten years. Everything is a take-home now.";
    assertThat(items)
        .containsExactly(
            new RawItem(
                ItemId.of("import:linkedin", "li-7001"),
                new CanonicalUrl("https://www.linkedin.example/posts/amira-7001"),
                new Source("import:linkedin", "Imported posts (linkedin)", SourceKind.POST),
                "Going back to IC",
                "Amira Osei",
                fromSource("2026-11-13T08:30:00Z"),
                FETCHED_AT,
                null,
                "After eight years as an engineering manager I am going back to an IC role."
                    + " Here is why.",
                null,
                null,
                null,
                new Engagement(230, 41),
                null),
            new RawItem(
                ItemId.of("import:posts", "https://forum.example/t/promotion-advice/88"),
                new CanonicalUrl("https://forum.example/t/promotion-advice/88"),
                new Source("import:posts", "Imported posts", SourceKind.POST),
                "",
                "jkim",
                fromSource("2026-11-14T07:45:00Z"),
                FETCHED_AT,
                null,
                "Got promoted to senior after asking my manager for a written plan.\n\nIt worked.",
                null,
                null,
                null,
                null,
                null),
            new RawItem(
                ItemId.of(
                    "import:threads", "tobi_w\nFri, 13 Nov 2026 09:15:00 GMT\n" + threadsText),
                null,
                new Source("import:threads", "Imported posts (threads)", SourceKind.POST),
                "",
                "tobi_w",
                fromSource("2026-11-13T09:15:00Z"),
                FETCHED_AT,
                null,
                threadsText,
                null,
                null,
                null,
                null,
                null));
  }

  @Test
  void parseLines_lineWithoutText_failsNamingTheLine() {
    byte[] lines =
        (GOOD_LINE + "\n\n{\"author\":\"jkim\",\"created_at\":\"2026-11-13T08:30:00Z\"}\n")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> format.parseLines(lines, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessage("posts import: line 3 has no text");
  }

  @Test
  void parseLines_lineThatIsNotJson_failsNamingTheLine() {
    byte[] lines = (GOOD_LINE + "\n{\"text\": oops}\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> format.parseLines(lines, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("invalid JSON on line 2: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void parseLines_lineThatIsNotAnObject_failsNamingTheLine() {
    byte[] lines = (GOOD_LINE + "\n[1, 2]\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> format.parseLines(lines, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessage("posts import: line 2 is not a JSON object");
  }

  @Test
  void parseLines_ignoresLinesBeyondTheCap() throws Exception {
    // Given a cap of two lines and three posts, the third broken
    JsonLinesPostsFormat capped = new JsonLinesPostsFormat(2);
    byte[] lines =
        (GOOD_LINE + "\n" + GOOD_LINE.replace("jkim", "ana") + "\nnot json\n")
            .getBytes(StandardCharsets.UTF_8);

    // When
    List<RawItem> items = capped.parseLines(lines, FETCHED_AT);

    // Then the third line is never read
    assertThat(items).extracting(RawItem::author).containsExactly("jkim", "ana");
  }

  @Test
  void recognizes_aSinglePostObject() {
    assertThat(format.recognizes(inline(GOOD_LINE))).isTrue();
    assertThat(format.recognizes(inline("{\"text\":\"no author, url or time\"}"))).isFalse();
    assertThat(format.recognizes(inline("[" + GOOD_LINE + "]"))).isFalse();
  }
}
