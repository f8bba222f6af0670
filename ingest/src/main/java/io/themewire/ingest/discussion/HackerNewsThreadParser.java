package io.themewire.ingest.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.Engagement;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import io.themewire.ingest.extract.HtmlText;
import io.themewire.ingest.feed.Dates;
import io.themewire.ingest.url.UrlCanonicalizer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Hacker News thread in the shape of the Algolia {@code items/<id>} API (a story with
 * nested {@code children}) into one raw item per story and comment. Comments keep their parent and
 * thread ids; the story records the article it discusses and its points and comment count.
 * Thread-safe.
 */
public final class HackerNewsThreadParser {

  /** The source id of Hacker News items. */
  public static final String SOURCE_ID = "hn";

  /** Deepest comment nesting read; deeper replies are cut off (real threads stay far below). */
  static final int MAX_DEPTH = 200;

  private static final Source SOURCE = new Source(SOURCE_ID, "Hacker News", SourceKind.DISCUSSION);
  private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

  /** True when the JSON looks like an Algolia HN item (has {@code children} and a {@code type}). */
  public static boolean looksLikeThread(JsonNode root) {
    return root.isObject() && root.has("children") && root.has("type") && root.has("id");
  }

  /**
   * Parses one thread.
   *
   * @throws IOException when the bytes are not JSON, or not an HN item
   */
  public List<RawItem> parse(byte[] json, Instant fetchedAt) throws IOException {
    JsonNode root = Json.mapper().readTree(json);
    if (root == null || !looksLikeThread(root)) {
      throw new IOException(
          "not a Hacker News item: expected an object with id, type and children");
    }
    ItemId storyId = ItemId.of(SOURCE_ID, root.path("id").asText());
    List<RawItem> items = new ArrayList<>();
    int comments = countComments(root);
    String storyText = HtmlText.fromHtml(root.path("text").asText(""));
    Optional<CanonicalUrl> discusses = canonicalizer.canonicalize(root.path("url").asText(null));
    items.add(
        new RawItem(
            storyId,
            itemUrl(root),
            SOURCE,
            HtmlText.fromHtml(root.path("title").asText("")),
            root.path("author").asText(null),
            published(root, fetchedAt),
            fetchedAt,
            "en",
            storyText,
            null,
            null,
            discusses.orElse(null),
            new Engagement(
                root.path("points").isInt() ? root.path("points").asInt() : null, comments),
            null));
    // Iterative walk: a hostile thread nested thousands deep must not overflow the stack.
    Deque<JsonNode[]> stack = new ArrayDeque<>();
    pushChildren(stack, root, 1);
    while (!stack.isEmpty()) {
      JsonNode[] entry = stack.pop();
      JsonNode node = entry[0];
      int depth = entry[1].asInt();
      String text = HtmlText.fromHtml(node.path("text").asText(""));
      if (!text.isEmpty()) {
        items.add(
            new RawItem(
                ItemId.of(SOURCE_ID, node.path("id").asText()),
                itemUrl(node),
                SOURCE,
                "",
                node.path("author").asText(null),
                published(node, fetchedAt),
                fetchedAt,
                "en",
                text,
                node.hasNonNull("parent_id")
                    ? ItemId.of(SOURCE_ID, node.path("parent_id").asText())
                    : storyId,
                storyId,
                discusses.orElse(null),
                null,
                null));
      }
      if (depth < MAX_DEPTH) {
        pushChildren(stack, node, depth + 1);
      }
    }
    return items;
  }

  private static void pushChildren(Deque<JsonNode[]> stack, JsonNode node, int depth) {
    JsonNode children = node.path("children");
    for (int i = children.size() - 1; i >= 0; i--) {
      stack.push(
          new JsonNode[] {children.get(i), Json.mapper().getNodeFactory().numberNode(depth)});
    }
  }

  private static int countComments(JsonNode root) {
    int n = 0;
    Deque<JsonNode> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      for (JsonNode child : stack.pop().path("children")) {
        n++;
        stack.push(child);
      }
    }
    return n;
  }

  private static CanonicalUrl itemUrl(JsonNode node) {
    return new CanonicalUrl("https://news.ycombinator.com/item?id=" + node.path("id").asLong());
  }

  private static Published published(JsonNode node, Instant fetchedAt) {
    Optional<Instant> at = Dates.parse(node.path("created_at").asText(""));
    if (at.isEmpty() && node.path("created_at_i").isNumber()) {
      at = Optional.of(Instant.ofEpochSecond(node.path("created_at_i").asLong()));
    }
    return at.filter(t -> !t.isAfter(fetchedAt))
        .map(t -> new Published(t, Published.Provenance.FEED, 1.0))
        .orElse(Published.firstSeen(fetchedAt));
  }
}
