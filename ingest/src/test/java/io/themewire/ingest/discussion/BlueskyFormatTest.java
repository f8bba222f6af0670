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

class BlueskyFormatTest {

  private static final Source BLUESKY = new Source("bluesky", "Bluesky", SourceKind.POST);
  private static final String NOOR = "at://did:plc:k4m2q7x9r3t5v8w1z6y0a2b4/app.bsky.feed.post/";
  private static final String MARCO = "at://did:plc:p7e3w9q2r5t8y1u4i6o0a3s5/app.bsky.feed.post/";
  private static final String ADE = "at://did:plc:a9d8f7g6h5j4k3l2z1x0c9v8/app.bsky.feed.post/";

  private final BlueskyFormat format = new BlueskyFormat();

  @Test
  void parse_authorFeed_givesPostsWithLinksRepliesAndReposts() throws Exception {
    // Given an author feed: a post linking an article, a reply, a repost and an image-only post
    JsonNode root = json("bluesky-author-feed.json");

    // When
    List<RawItem> items = format.parse(root, FETCHED_AT);

    // Then the repost is read as the original post and the image-only post is skipped
    assertThat(items)
        .containsExactly(
            new RawItem(
                id(NOOR + "3lbqzk2xw4c2s"),
                page("noor.example", "3lbqzk2xw4c2s"),
                BLUESKY,
                "",
                "noor.example",
                fromSource("2026-11-13T08:30:00Z"),
                FETCHED_AT,
                "en",
                "Wrote about the senior-to-staff gap and why scope, not skill, is what stalls"
                    + " people.",
                null,
                null,
                new CanonicalUrl("https://gradient.example/senior-to-staff"),
                new Engagement(48, 6),
                null),
            new RawItem(
                id(NOOR + "3lbr2abcd5e2k"),
                page("noor.example", "3lbr2abcd5e2k"),
                BLUESKY,
                "",
                "noor.example",
                fromSource("2026-11-13T09:15:00Z"),
                FETCHED_AT,
                "en",
                "Same here. I stayed senior for four years and it was fine.",
                id(MARCO + "3lbqy9par33x"),
                id(MARCO + "3lbqy7root22"),
                null,
                new Engagement(3, 0),
                null),
            new RawItem(
                id(MARCO + "3lbqx1ladder9"),
                page("marco.example", "3lbqx1ladder9"),
                BLUESKY,
                "",
                "marco.example",
                fromSource("2026-11-12T11:00:00Z"),
                FETCHED_AT,
                "en",
                "Career ladders are promises. Read them like contracts.",
                null,
                null,
                null,
                new Engagement(120, 14),
                null));
  }

  @Test
  void parse_postThread_keepsAncestorsAndTheReplyTree() throws Exception {
    // Given a thread view: the post, its parent, a reply with a nested reply, and replies that
    // were not found or are blocked
    JsonNode root = json("bluesky-thread.json");

    // When
    List<RawItem> items = format.parse(root, FETCHED_AT);

    // Then the ancestor comes first, then the post, then its replies in order
    ItemId top = id(MARCO + "3lbqy7root22");
    ItemId post = id(NOOR + "3lbr2abcd5e2k");
    ItemId reply = id(ADE + "3lbr3reply1aa");
    assertThat(items)
        .containsExactly(
            new RawItem(
                top,
                page("marco.example", "3lbqy7root22"),
                BLUESKY,
                "",
                "marco.example",
                fromSource("2026-11-13T07:00:00Z"),
                FETCHED_AT,
                "en",
                "Is it OK to stay senior forever?",
                null,
                null,
                null,
                new Engagement(90, 40),
                null),
            new RawItem(
                post,
                page("noor.example", "3lbr2abcd5e2k"),
                BLUESKY,
                "",
                "noor.example",
                fromSource("2026-11-13T09:15:00Z"),
                FETCHED_AT,
                "en",
                "Same here. I stayed senior for four years and it was fine.",
                top,
                top,
                null,
                new Engagement(3, 2),
                null),
            new RawItem(
                reply,
                page("ade.example", "3lbr3reply1aa"),
                BLUESKY,
                "",
                "ade.example",
                fromSource("2026-11-13T10:05:00Z"),
                FETCHED_AT,
                "en",
                "Did your pay keep growing, though?",
                post,
                top,
                null,
                new Engagement(1, 1),
                null),
            new RawItem(
                id(NOOR + "3lbr4reply2bb"),
                page("noor.example", "3lbr4reply2bb"),
                BLUESKY,
                "",
                "noor.example",
                fromSource("2026-11-14T07:45:00Z"),
                FETCHED_AT,
                "en",
                "Slower, but it did. Switching companies did more than any promotion.",
                reply,
                top,
                null,
                new Engagement(4, 0),
                null));
  }

  @Test
  void recognizes_feedsAndThreads() {
    assertThat(format.recognizes(json("bluesky-author-feed.json"))).isTrue();
    assertThat(format.recognizes(json("bluesky-thread.json"))).isTrue();
    assertThat(format.recognizes(inline("{\"feed\":[],\"cursor\":\"x\"}"))).isTrue();
    assertThat(format.recognizes(json("mastodon-statuses.json"))).isFalse();
    assertThat(format.recognizes(inline("{\"feed\":[{\"title\":\"a JSON feed item\"}]}")))
        .isFalse();
  }

  @Test
  void parse_postWithoutAtUri_isRejectedInOneLine() {
    JsonNode root =
        inline(
            "{\"feed\":[{\"post\":{\"uri\":\"https://bsky.app/x\",\"record\":{\"text\":\"t\"}}}]}");

    assertThatThrownBy(() -> format.parse(root, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessage("not a Bluesky post: no at:// uri");
  }

  private static ItemId id(String atUri) {
    return ItemId.of("bluesky", atUri);
  }

  private static CanonicalUrl page(String handle, String rkey) {
    return new CanonicalUrl("https://bsky.app/profile/" + handle + "/post/" + rkey);
  }
}
