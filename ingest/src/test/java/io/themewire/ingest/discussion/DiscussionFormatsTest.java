package io.themewire.ingest.discussion;

import static io.themewire.ingest.discussion.DiscussionFixtures.FETCHED_AT;
import static io.themewire.ingest.discussion.DiscussionFixtures.bytes;
import static io.themewire.ingest.discussion.DiscussionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themewire.core.message.RawItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscussionFormatsTest {

  private final DiscussionFormats formats = DiscussionFormats.defaults();

  @ParameterizedTest
  @CsvSource({
    "hn-algolia-item.json, hn-algolia-item, 4",
    "hn-algolia-comment-item.json, hn-algolia-item, 2",
    "hn-algolia-search.json, hn-algolia-search, 3",
    "hn-api-items.json, hn-api, 5",
    "hn-api-story.json, hn-api, 1",
    "reddit-listing.json, reddit, 2",
    "reddit-comments.json, reddit, 4",
    "mastodon-statuses.json, mastodon, 4",
    "bluesky-author-feed.json, bluesky, 3",
    "bluesky-thread.json, bluesky, 4"
  })
  void parse_eachFixture_isReadByItsFormat(String fixture, String formatName, int count)
      throws Exception {
    // Given
    DiscussionFormat expected = format(formatName);

    // When
    Optional<List<RawItem>> items = formats.parse(bytes(fixture), FETCHED_AT);

    // Then
    assertThat(items).contains(expected.parse(json(fixture), FETCHED_AT));
    assertThat(items.orElseThrow()).hasSize(count);
    assertThat(formats.formats().stream().filter(f -> f.recognizes(json(fixture))).findFirst())
        .containsSame(expected);
  }

  @Test
  void parse_jsonLines_readsThePostsImport() throws Exception {
    // Given several objects, one per line
    byte[] lines = bytes("posts.jsonl");

    // When
    Optional<List<RawItem>> items = formats.parse(lines, FETCHED_AT);

    // Then
    assertThat(items)
        .contains(
            new JsonLinesPostsFormat(DiscussionFormats.MAX_JSON_LINES)
                .parseLines(lines, FETCHED_AT));
  }

  @Test
  void parse_jsonLinesWithABadLine_failsNamingTheLine() {
    byte[] lines =
        ("{\"author\":\"a\",\"text\":\"one\"}\n{\"author\":\"b\",\"text\":\"two\"}\n{oops\n")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> formats.parse(lines, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("invalid JSON on line 3: ");
  }

  @Test
  void parse_singlePostObject_isAOneLineImport() throws Exception {
    byte[] one =
        "{\"author\":\"a\",\"text\":\"one\",\"created_at\":\"2026-11-13T08:30:00Z\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(formats.parse(one, FETCHED_AT).orElseThrow())
        .singleElement()
        .extracting(RawItem::text)
        .isEqualTo("one");
  }

  @Test
  void parse_syntaxError_isOneLineInvalidJson() {
    byte[] broken = "{\"hits\": [1, 2,, 3]}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> formats.parse(broken, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("invalid JSON: ")
        .hasMessageContaining("at line 1, column ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void parse_valueFollowedByGarbage_isInvalidJson() {
    byte[] broken = "[1, 2] trailing".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> formats.parse(broken, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("invalid JSON: ");
  }

  @Test
  void parse_emptyDocument_isInvalidJson() {
    assertThatThrownBy(() -> formats.parse(" \n ".getBytes(StandardCharsets.UTF_8), FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessage("invalid JSON: the document is empty");
  }

  @Test
  void parse_deeplyNestedDocument_isInvalidJsonNotAStackOverflow() {
    byte[] deep = ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> formats.parse(deep, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("invalid JSON: ")
        .hasMessageContaining("nesting");
  }

  @Test
  void parse_unrecognisedJsonObject_isEmpty() throws Exception {
    byte[] other =
        "{\"status\":\"ok\",\"data\":{\"items\":[{\"name\":\"x\"}]}}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(formats.parse(other, FETCHED_AT)).isEmpty();
  }

  @Test
  void parse_emptyArray_isAnEmptyPage() throws Exception {
    assertThat(formats.parse("[]".getBytes(StandardCharsets.UTF_8), FETCHED_AT))
        .contains(List.of());
  }

  @Test
  void parse_recognisedDocumentOfTheWrongShape_failsWithTheFormatsMessage() {
    byte[] wrong =
        "[{\"kind\":\"Listing\",\"data\":{\"children\":[]}},{\"kind\":\"t3\"}]"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> formats.parse(wrong, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessage("not a Reddit listing: element 1 has no kind Listing");
  }

  private DiscussionFormat format(String name) {
    return formats.formats().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no format " + name));
  }
}
