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

class MastodonFormatTest {

  private static final String HOME = "mastodon:mastodon.example";
  private static final Source HOME_SOURCE =
      new Source(HOME, "Mastodon mastodon.example", SourceKind.POST);
  private static final String INES = "https://mastodon.example/users/ines/statuses/";

  private final MastodonFormat format = new MastodonFormat();

  @Test
  void parse_statuses_readReblogsAsTheirStatusAndLinkReplies() throws Exception {
    // Given a timeline, newest first: a reply to an older status, a reblog of a remote status,
    // a reply within the page, the status it replies to, and a media-only status
    JsonNode root = json("mastodon-statuses.json");

    // When
    List<RawItem> items = format.parse(root, FETCHED_AT);

    // Then
    ItemId first = ItemId.of(HOME, INES + "115600000000000001");
    assertThat(items)
        .containsExactly(
            new RawItem(
                ItemId.of(HOME, INES + "115600000000000005"),
                new CanonicalUrl("https://mastodon.example/@ines/115600000000000005"),
                HOME_SOURCE,
                "",
                "ines@mastodon.example",
                fromSource("2026-11-14T07:45:00Z"),
                FETCHED_AT,
                "en",
                "Follow-up: the pay cut was smaller than I feared.",
                ItemId.of(HOME, INES + "115599999999999990"),
                null,
                null,
                new Engagement(5, 0),
                null),
            new RawItem(
                ItemId.of(
                    "mastodon:social.example", "https://social.example/users/ravi/statuses/998877"),
                new CanonicalUrl("https://social.example/@ravi/998877"),
                new Source("mastodon:social.example", "Mastodon social.example", SourceKind.POST),
                "",
                "ravi@social.example",
                fromSource("2026-11-12T22:40:00Z"),
                FETCHED_AT,
                null,
                "Hiring managers: please stop asking for ten years of Kubernetes. #hiring",
                null,
                null,
                null,
                new Engagement(210, 18),
                null),
            new RawItem(
                ItemId.of(HOME, INES + "115600000000000002"),
                new CanonicalUrl("https://mastodon.example/@ines/115600000000000002"),
                HOME_SOURCE,
                "",
                "ines@mastodon.example",
                fromSource("2026-11-13T09:15:00Z"),
                FETCHED_AT,
                "en",
                "The hardest part was giving up control of my calendar.\n"
                    + "Second hardest: code review etiquette.",
                first,
                first,
                null,
                new Engagement(9, 0),
                null),
            new RawItem(
                first,
                new CanonicalUrl("https://mastodon.example/@ines/115600000000000001"),
                HOME_SOURCE,
                "",
                "ines@mastodon.example",
                fromSource("2026-11-13T08:30:00Z"),
                FETCHED_AT,
                "en",
                "Wrote up what changed when I moved from EM back to staff engineer:"
                    + " https://ines.example/em-to-staff",
                null,
                null,
                new CanonicalUrl("https://ines.example/em-to-staff"),
                new Engagement(37, 4),
                null));
  }

  @Test
  void recognizes_statusArraysAndSingleStatuses() {
    JsonNode statuses = json("mastodon-statuses.json");

    assertThat(format.recognizes(statuses)).isTrue();
    assertThat(format.recognizes(statuses.get(0))).isTrue();
    assertThat(format.recognizes(json("hn-api-items.json"))).isFalse();
    assertThat(format.recognizes(json("bluesky-author-feed.json"))).isFalse();
  }

  @Test
  void parse_statusWithoutUri_isRejectedInOneLine() {
    JsonNode root =
        inline(
            "[{\"id\":\"1\",\"created_at\":\"2026-11-13T08:30:00.000Z\",\"uri\":null,"
                + "\"content\":\"<p>hi</p>\",\"account\":{\"acct\":\"ines\"}}]");

    assertThatThrownBy(() -> format.parse(root, FETCHED_AT))
        .isInstanceOf(IOException.class)
        .hasMessage("Mastodon status 0 has no uri with a host");
  }
}
