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
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HackerNewsSearchFormatTest {

  private static final Source HN = new Source("hn", "Hacker News", SourceKind.DISCUSSION);
  private static final CanonicalUrl ARTICLE =
      new CanonicalUrl("https://careerlog.example/staff-packet");

  private final HackerNewsSearchFormat format = new HackerNewsSearchFormat();

  @Test
  void parse_searchHits_giveStoriesAndCommentsAndSkipPollOptions() throws Exception {
    // Given a link story, an Ask HN story, a comment and a poll option
    JsonNode root = json("hn-algolia-search.json");

    // When
    List<RawItem> items = format.parse(root, FETCHED_AT);

    // Then
    assertThat(items)
        .containsExactly(
            new RawItem(
                id("43100001"),
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
                id("43120000"),
                page("43120000"),
                HN,
                "Ask HN: Is it normal to interview for senior after three years?",
                "nkoval",
                fromSource("2026-11-14T07:45:00Z"),
                FETCHED_AT,
                null,
                "I have three years of experience and a recruiter wants me for a senior role.\n\n"
                    + "Is that normal now, or a red flag?",
                null,
                null,
                null,
                new Engagement(57, 31),
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
                "The packet matters less than having a sponsor. Mine wrote half of it.",
                id("43100001"),
                id("43100001"),
                ARTICLE,
                null,
                null));
  }

  @Test
  void parse_sameStoryAsTheItemApi_hasTheSameId() throws Exception {
    // Given the same story from the search API and from the item API
    RawItem fromSearch = format.parse(json("hn-algolia-search.json"), FETCHED_AT).get(0);
    RawItem fromItem =
        new HackerNewsItemFormat().parse(json("hn-algolia-item.json"), FETCHED_AT).get(0);

    // Then it is one item downstream
    assertThat(fromSearch.id()).isEqualTo(fromItem.id());
  }

  @Test
  void recognizes_searchResultsOnly() {
    assertThat(format.recognizes(json("hn-algolia-search.json"))).isTrue();
    assertThat(format.recognizes(inline("{\"hits\":[],\"nbHits\":0,\"page\":0}"))).isTrue();
    assertThat(format.recognizes(json("hn-algolia-item.json"))).isFalse();
    assertThat(format.recognizes(inline("{\"hits\":[]}"))).isFalse();
  }

  @Test
  void parse_hitWithoutObjectId_isRejectedInOneLine() {
    JsonNode root = inline("{\"hits\":[{\"title\":\"t\",\"_tags\":[\"story\"]}],\"nbHits\":1}");

    assertThatThrownBy(() -> format.parse(root, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessage("Hacker News search hit 0 has no objectID");
  }

  private static ItemId id(String hnId) {
    return ItemId.of("hn", hnId);
  }

  private static CanonicalUrl page(String hnId) {
    return new CanonicalUrl("https://news.ycombinator.com/item?id=" + hnId);
  }
}
