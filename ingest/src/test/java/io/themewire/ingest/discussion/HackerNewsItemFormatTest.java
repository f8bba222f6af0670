package io.themewire.ingest.discussion;

import static io.themewire.ingest.discussion.DiscussionFixtures.FETCHED_AT;
import static io.themewire.ingest.discussion.DiscussionFixtures.fromSource;
import static io.themewire.ingest.discussion.DiscussionFixtures.inline;
import static io.themewire.ingest.discussion.DiscussionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.Engagement;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HackerNewsItemFormatTest {

  private static final Source HN = new Source("hn", "Hacker News", SourceKind.DISCUSSION);
  private static final CanonicalUrl ARTICLE =
      new CanonicalUrl("https://careerlog.example/staff-packet");

  private final HackerNewsItemFormat format = new HackerNewsItemFormat();

  @Test
  void parse_algoliaItem_keepsThreadStructureEngagementAndTheDiscussedArticle() throws Exception {
    // Given a story with a reply chain, a deleted comment and a comment dated in the future
    JsonNode root = json("hn-algolia-item.json");

    // When
    List<RawItem> items = format.parse(root, FETCHED_AT);

    // Then the deleted comment is skipped but counted, and the future date is not trusted
    ItemId story = id("43100001");
    assertThat(items)
        .containsExactly(
            new RawItem(
                story,
                page("43100001"),
                HN,
                "The staff engineer promotion packet nobody told me about",
                "lmorales",
                fromSource("2026-11-13T08:30:00Z"),
                FETCHED_AT,
                null,
                "",
                null,
                null,
                ARTICLE,
                new Engagement(148, 4),
                null),
            new RawItem(
                id("43100002"),
                page("43100002"),
                HN,
                "",
                "dpark",
                fromSource("2026-11-13T09:15:00Z"),
                FETCHED_AT,
                null,
                "The packet matters less than having a sponsor. Mine wrote half of it.\n\n"
                    + "Ask for one early.",
                story,
                story,
                ARTICLE,
                null,
                null),
            new RawItem(
                id("43100003"),
                page("43100003"),
                HN,
                "",
                "lmorales",
                fromSource("2026-11-13T10:05:00Z"),
                FETCHED_AT,
                null,
                "Agreed \u2014 though my sponsor left mid-cycle.",
                id("43100002"),
                story,
                ARTICLE,
                null,
                null),
            new RawItem(
                id("43100005"),
                page("43100005"),
                HN,
                "",
                "hsato",
                Published.firstSeen(FETCHED_AT),
                FETCHED_AT,
                null,
                "Our ladder doc says \"scope\" eleven times and never defines it.",
                story,
                story,
                ARTICLE,
                null,
                null));
  }

  @Test
  void parse_commentItem_isAReplyInItsStoryThread() throws Exception {
    // Given the Algolia item of a comment rather than a story
    JsonNode root = json("hn-algolia-comment-item.json");

    // When
    List<RawItem> items = format.parse(root, FETCHED_AT);

    // Then the root keeps its own parent and the story as thread
    assertThat(items)
        .containsExactly(
            new RawItem(
                id("43100002"),
                page("43100002"),
                HN,
                "",
                "dpark",
                fromSource("2026-11-13T09:15:00Z"),
                FETCHED_AT,
                null,
                "The packet matters less than having a sponsor.",
                id("43100001"),
                id("43100001"),
                null,
                null,
                null),
            new RawItem(
                id("43100003"),
                page("43100003"),
                HN,
                "",
                "lmorales",
                fromSource("2026-11-13T10:05:00Z"),
                FETCHED_AT,
                null,
                "Agreed \u2014 though my sponsor left mid-cycle.",
                id("43100002"),
                id("43100001"),
                null,
                null,
                null));
  }

  @Test
  void recognizes_onlyObjectsWithIdTypeAndChildren() {
    assertThat(format.recognizes(json("hn-algolia-item.json"))).isTrue();
    assertThat(format.recognizes(json("hn-api-story.json"))).isFalse();
    assertThat(format.recognizes(json("hn-algolia-search.json"))).isFalse();
    assertThat(format.recognizes(inline("[]"))).isFalse();
  }

  @Test
  void parse_objectWithoutChildren_isRejectedInOneLine() {
    assertThatThrownBy(() -> format.parse(inline("{\"id\":1,\"type\":\"story\"}"), FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessage("not a Hacker News item: expected an object with id, type and children");
  }

  private static ItemId id(String hnId) {
    return ItemId.of("hn", hnId);
  }

  private static CanonicalUrl page(String hnId) {
    return new CanonicalUrl("https://news.ycombinator.com/item?id=" + hnId);
  }
}
