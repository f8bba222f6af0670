package io.themewire.ingest.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Reddit's JSON: a {@code Listing} of posts ({@code /r/<sub>/new.json}), or a comments page ({@code
 * /comments/<id>.json}: an array of two listings, the post then its comment tree, where each
 * comment's {@code replies} is {@code ""} or another listing). Posts ({@code t3}) become stories
 * with score, comment count and, for link posts, the article they discuss; comments ({@code t1})
 * become comments with parent and thread ids. {@code more} stubs, other kinds, and deleted or
 * removed comments are skipped (their replies are kept).
 *
 * <p>Ids are Reddit fullnames ({@code t3_abc}, {@code t1_def}), the form {@code parent_id} and
 * {@code link_id} use. Reddit escapes {@code &}, {@code <} and {@code >} in text and URLs unless
 * asked not to ({@code raw_json=1}); both forms read the same.
 */
final class RedditFormat implements DiscussionFormat {

  static final String SOURCE_ID = "reddit";

  private static final Source SOURCE = new Source(SOURCE_ID, "Reddit", SourceKind.DISCUSSION);
  private static final String SITE = "https://www.reddit.com";
  private static final Set<String> GONE = Set.of("[deleted]", "[removed]");

  @Override
  public String name() {
    return "reddit";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return isListing(root) || (root.isArray() && !root.isEmpty() && isListing(root.get(0)));
  }

  private static boolean isListing(JsonNode node) {
    return node.isObject()
        && "Listing".equals(node.path("kind").asText())
        && node.path("data").path("children").isArray();
  }

  @Override
  public List<RawItem> parse(JsonNode root, Instant fetchedAt) throws IOException {
    List<JsonNode> listings = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(listings::add);
    } else {
      listings.add(root);
    }
    for (int i = 0; i < listings.size(); i++) {
      if (!isListing(listings.get(i))) {
        throw new IOException("not a Reddit listing: element " + i + " has no kind Listing");
      }
    }
    List<RawItem> items = new ArrayList<>();
    Map<ItemId, CanonicalUrl> linkOfPost = new HashMap<>();
    // Iterative pre-order walk: parents before replies, and no recursion on hostile nesting.
    Deque<JsonNode> stack = new ArrayDeque<>();
    for (int i = listings.size() - 1; i >= 0; i--) {
      pushChildren(stack, listings.get(i));
    }
    while (!stack.isEmpty()) {
      JsonNode thing = stack.pop();
      String kind = thing.path("kind").asText();
      JsonNode data = thing.path("data");
      if (kind.equals("t3")) {
        RawItem post = post(data, fetchedAt);
        if (post != null) {
          items.add(post);
          if (post.discusses() != null) {
            linkOfPost.put(post.id(), post.discusses());
          }
        }
      } else if (kind.equals("t1")) {
        RawItem comment = comment(data, linkOfPost, fetchedAt);
        if (comment != null) {
          items.add(comment);
        }
        if (isListing(data.path("replies"))) {
          pushChildren(stack, data.path("replies"));
        }
      }
    }
    return items;
  }

  private static void pushChildren(Deque<JsonNode> stack, JsonNode listing) {
    JsonNode children = listing.path("data").path("children");
    for (int i = children.size() - 1; i >= 0; i--) {
      if (children.get(i).isObject()) {
        stack.push(children.get(i));
      }
    }
  }

  private static RawItem post(JsonNode data, Instant fetchedAt) {
    String name = fullname(data, "t3");
    if (name == null) {
      return null;
    }
    CanonicalUrl url = permalink(data);
    CanonicalUrl link =
        data.path("is_self").asBoolean(false) ? null : NativeFields.url(unescaped(data, "url"));
    return new RawItem(
        ItemId.of(SOURCE_ID, name),
        url,
        SOURCE,
        NativeFields.plain(unescaped(data, "title")),
        author(data),
        NativeFields.published(NativeFields.epochSeconds(data, "created_utc"), fetchedAt),
        fetchedAt,
        null,
        body(unescaped(data, "selftext")),
        null,
        null,
        link != null && !link.equals(url) ? link : null,
        NativeFields.engagement(
            NativeFields.integer(data, "score"), NativeFields.count(data, "num_comments")),
        null);
  }

  private static RawItem comment(
      JsonNode data, Map<ItemId, CanonicalUrl> linkOfPost, Instant fetchedAt) {
    String name = fullname(data, "t1");
    String text = body(unescaped(data, "body"));
    if (name == null || text.isEmpty()) {
      return null;
    }
    String parent = NativeFields.string(data, "parent_id");
    String link = NativeFields.string(data, "link_id");
    ItemId thread = link == null ? null : ItemId.of(SOURCE_ID, link);
    boolean scoreHidden = data.path("score_hidden").asBoolean(false);
    return new RawItem(
        ItemId.of(SOURCE_ID, name),
        permalink(data),
        SOURCE,
        "",
        author(data),
        NativeFields.published(NativeFields.epochSeconds(data, "created_utc"), fetchedAt),
        fetchedAt,
        null,
        text,
        parent == null ? thread : ItemId.of(SOURCE_ID, parent),
        thread,
        thread == null ? null : linkOfPost.get(thread),
        scoreHidden ? null : NativeFields.engagement(NativeFields.integer(data, "score"), null),
        null);
  }

  /** The fullname ({@code t3_abc}): {@code name}, else the kind prefix and {@code id}. */
  private static String fullname(JsonNode data, String kind) {
    String name = NativeFields.string(data, "name");
    if (name != null) {
      return name;
    }
    String id = NativeFields.string(data, "id");
    return id == null ? null : kind + "_" + id;
  }

  private static CanonicalUrl permalink(JsonNode data) {
    String permalink = NativeFields.string(data, "permalink");
    return permalink == null ? null : NativeFields.url(permalink, SITE);
  }

  private static String author(JsonNode data) {
    String author = NativeFields.string(data, "author");
    return author == null || GONE.contains(author) ? null : author;
  }

  /** Markdown text as plain text; empty for deleted and removed text. */
  private static String body(String markdown) {
    String text = NativeFields.plain(markdown);
    return GONE.contains(text) ? "" : text;
  }

  private static String unescaped(JsonNode data, String field) {
    String value = NativeFields.string(data, field);
    return value == null ? null : Parser.unescapeEntities(value, false);
  }
}
