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

class RedditFormatTest {

  private static final Source REDDIT = new Source("reddit", "Reddit", SourceKind.DISCUSSION);
  private static final String THREAD =
      "https://www.reddit.com/r/cscareerquestions/comments/1h2a1b/"
          + "why_senior_engineers_quit_notes_from_40_exit/";
  private static final CanonicalUrl ARTICLE =
      new CanonicalUrl("https://hrnotes.example/exit-interviews?page=2");

  private final RedditFormat format = new RedditFormat();

  @Test
  void parse_redditListing_givesLinkAndSelfPosts() throws Exception {
    // Given a listing of a link post and a self post, with Reddit's escaped text and URLs
    JsonNode root = json("reddit-listing.json");

    // When
    List<RawItem> items = format.parse(root, FETCHED_AT);

    // Then only the link post discusses an article
    assertThat(items)
        .containsExactly(
            new RawItem(
                id("t3_1h2a1b"),
                new CanonicalUrl(THREAD),
                REDDIT,
                "Why senior engineers quit: notes from 40 exit interviews",
                "quietpm",
                fromSource("2026-11-13T08:30:00Z"),
                FETCHED_AT,
                null,
                "",
                null,
                null,
                ARTICLE,
                new Engagement(412, 87),
                null),
            new RawItem(
                id("t3_1h2c3d"),
                new CanonicalUrl(
                    "https://www.reddit.com/r/ExperiencedDevs/comments/1h2c3d/"
                        + "manager_ic_tracks_at_my_company_are_not_equal/"),
                REDDIT,
                "Manager & IC tracks at my company are not equal",
                "byte_sized",
                fromSource("2026-11-14T07:45:00Z"),
                FETCHED_AT,
                null,
                "We have two ladders on paper.\n\n"
                    + "In practice everyone above senior is pushed toward management & nobody says"
                    + " it out loud.",
                null,
                null,
                null,
                new Engagement(58, 23),
                null));
  }

  @Test
  void parse_redditCommentsPage_keepsReplyTree() throws Exception {
    // Given a post and its comments: a reply under a deleted comment, "more" stubs, a comment
    // with its score hidden and a date in the future
    JsonNode root = json("reddit-comments.json");

    // When
    List<RawItem> items = format.parse(root, FETCHED_AT);

    // Then the deleted comment and the stubs are skipped, the reply keeps its real parent
    ItemId post = id("t3_1h2a1b");
    assertThat(items)
        .containsExactly(
            new RawItem(
                post,
                new CanonicalUrl(THREAD),
                REDDIT,
                "Why senior engineers quit: notes from 40 exit interviews",
                "quietpm",
                fromSource("2026-11-13T08:30:00Z"),
                FETCHED_AT,
                null,
                "",
                null,
                null,
                ARTICLE,
                new Engagement(415, 88),
                null),
            new RawItem(
                id("t1_m1x0a1"),
                new CanonicalUrl(THREAD + "m1x0a1/"),
                REDDIT,
                "",
                "stackframe",
                fromSource("2026-11-13T09:15:00Z"),
                FETCHED_AT,
                null,
                "The exit interview is the wrong place to be honest. I told my skip level six"
                    + " months before I left and nothing changed.",
                post,
                post,
                ARTICLE,
                new Engagement(96, null),
                null),
            new RawItem(
                id("t1_m1x0c3"),
                new CanonicalUrl(THREAD + "m1x0c3/"),
                REDDIT,
                "",
                "quietpm",
                fromSource("2026-11-13T10:05:00Z"),
                FETCHED_AT,
                null,
                "Skip levels hear this a lot & rarely act >_<",
                id("t1_m1x0b2"),
                post,
                ARTICLE,
                new Engagement(12, null),
                null),
            new RawItem(
                id("t1_m1x0g7"),
                new CanonicalUrl(THREAD + "m1x0g7/"),
                REDDIT,
                "",
                "newgradjo",
                Published.firstSeen(FETCHED_AT),
                FETCHED_AT,
                null,
                "Saving this for my first 1:1 with my new manager.",
                post,
                post,
                ARTICLE,
                null,
                null));
  }

  @Test
  void recognizes_listingsAndArraysOfListings() {
    assertThat(format.recognizes(json("reddit-listing.json"))).isTrue();
    assertThat(format.recognizes(json("reddit-comments.json"))).isTrue();
    assertThat(format.recognizes(json("hn-api-items.json"))).isFalse();
    assertThat(format.recognizes(inline("{\"kind\":\"t3\",\"data\":{}}"))).isFalse();
  }

  @Test
  void parse_arrayWithSomethingOtherThanAListing_isRejectedInOneLine() {
    JsonNode root =
        inline("[{\"kind\":\"Listing\",\"data\":{\"children\":[]}},{\"kind\":\"t3\",\"data\":{}}]");

    assertThatThrownBy(() -> format.parse(root, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessage("not a Reddit listing: element 1 has no kind Listing");
  }

  private static ItemId id(String fullname) {
    return ItemId.of("reddit", fullname);
  }
}
