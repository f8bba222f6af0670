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

class HackerNewsApiFormatTest {

  private static final Source HN = new Source("hn", "Hacker News", SourceKind.DISCUSSION);
  private static final CanonicalUrl ARTICLE =
      new CanonicalUrl("https://notes.example/leaving-management");

  private final HackerNewsApiFormat format = new HackerNewsApiFormat();

  @Test
  void parse_itemArray_keepsTheReplyChainAndSkipsDeletedAndDeadItems() throws Exception {
    // Given a story, a reply chain, a deleted and a dead comment, an orphan comment and a job
    JsonNode root = json("hn-api-items.json");

    // When
    List<RawItem> items = format.parse(root, FETCHED_AT);

    // Then comments find their story through the parents in the document
    ItemId story = id("43200001");
    assertThat(items)
        .containsExactly(
            new RawItem(
                story,
                page("43200001"),
                HN,
                "Leaving management after the reorg",
                "mreyes",
                fromSource("2026-11-14T08:10:00Z"),
                FETCHED_AT,
                null,
                "",
                null,
                null,
                ARTICLE,
                new Engagement(96, 3),
                null),
            new RawItem(
                id("43200002"),
                page("43200002"),
                HN,
                "",
                "tomasz",
                fromSource("2026-11-14T09:02:00Z"),
                FETCHED_AT,
                null,
                "Did you keep your salary band/level? That was my main worry.",
                story,
                story,
                ARTICLE,
                null,
                null),
            new RawItem(
                id("43200003"),
                page("43200003"),
                HN,
                "",
                "mreyes",
                fromSource("2026-11-14T09:20:00Z"),
                FETCHED_AT,
                null,
                "Mostly. The band was the same; the bonus target dropped.",
                id("43200002"),
                story,
                ARTICLE,
                null,
                null),
            new RawItem(
                id("43200006"),
                page("43200006"),
                HN,
                "",
                "ohale",
                fromSource("2026-11-14T09:50:00Z"),
                FETCHED_AT,
                null,
                "Same story at my last job.\n\nThe reorg was the push I needed.",
                id("43199999"),
                null,
                null,
                null,
                null),
            new RawItem(
                id("43200010"),
                page("43200010"),
                HN,
                "Lumen Labs (YC S25) is hiring a staff backend engineer",
                "lumenhiring",
                fromSource("2026-11-14T10:00:00Z"),
                FETCHED_AT,
                null,
                "",
                null,
                null,
                new CanonicalUrl("https://lumen.example/jobs/staff-backend"),
                new Engagement(1, null),
                null));
  }

  @Test
  void parse_singleAskStory_keepsItsTextAndCounts() throws Exception {
    // Given one story object with text and no link
    JsonNode root = json("hn-api-story.json");

    // When
    List<RawItem> items = format.parse(root, FETCHED_AT);

    // Then
    assertThat(items)
        .containsExactly(
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
                null));
  }

  @Test
  void recognizes_itemsAndArraysOfItems_notAlgoliaItems() {
    assertThat(format.recognizes(json("hn-api-story.json"))).isTrue();
    assertThat(format.recognizes(json("hn-api-items.json"))).isTrue();
    assertThat(format.recognizes(json("hn-algolia-item.json"))).isFalse();
    assertThat(format.recognizes(json("mastodon-statuses.json"))).isFalse();
  }

  @Test
  void parse_arrayElementWithoutId_isRejectedInOneLine() {
    JsonNode root = inline("[{\"id\":1,\"type\":\"story\",\"time\":1},{\"type\":\"comment\"}]");

    assertThatThrownBy(() -> format.parse(root, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessage("not a Hacker News API item: element 1 has no id");
  }

  private static ItemId id(String hnId) {
    return ItemId.of("hn", hnId);
  }

  private static CanonicalUrl page(String hnId) {
    return new CanonicalUrl("https://news.ycombinator.com/item?id=" + hnId);
  }
}
