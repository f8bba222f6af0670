package io.themewire.ingest.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.Engagement;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Published;
import io.themewire.core.message.RawItem;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A Hacker News thread from the Algolia {@code items/<id>} API: a story (or a comment) with its
 * replies nested in {@code children}. Gives one item for the root and one per comment with text;
 * deleted comments (no text) are skipped but still counted in the story's comment count. Comments
 * keep parent and thread ids and the article the story discusses.
 */
final class HackerNewsItemFormat implements DiscussionFormat {

  /** Deepest comment nesting read; deeper replies are cut off (real threads stay far below). */
  static final int MAX_DEPTH = 200;

  /** True when the JSON looks like an Algolia HN item (has {@code children} and a {@code type}). */
  static boolean isThread(JsonNode root) {
    return root.isObject() && root.has("children") && root.has("type") && root.has("id");
  }

  @Override
  public String name() {
    return "hn-algolia-item";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return isThread(root);
  }

  @Override
  public List<RawItem> parse(JsonNode root, Instant fetchedAt) throws IOException {
    String rootId = NativeFields.string(root, "id");
    if (!isThread(root) || rootId == null) {
      throw new IOException(
          "not a Hacker News item: expected an object with id, type and children");
    }
    boolean rootIsComment = "comment".equals(NativeFields.string(root, "type"));
    String storyId = rootIsComment ? NativeFields.string(root, "story_id") : rootId;
    ItemId threadId = HackerNews.id(storyId != null ? storyId : rootId);
    CanonicalUrl discusses =
        rootIsComment ? null : NativeFields.url(NativeFields.string(root, "url"));
    List<RawItem> items = new ArrayList<>();
    items.add(
        new RawItem(
            HackerNews.id(rootId),
            HackerNews.url(rootId),
            HackerNews.SOURCE,
            rootIsComment ? "" : NativeFields.html(NativeFields.string(root, "title")),
            NativeFields.string(root, "author"),
            published(root, fetchedAt),
            fetchedAt,
            null,
            NativeFields.html(NativeFields.string(root, "text")),
            rootIsComment ? parentOf(root) : null,
            rootIsComment && storyId != null ? threadId : null,
            discusses,
            rootIsComment
                ? null
                : new Engagement(NativeFields.integer(root, "points"), countComments(root)),
            null));
    // Iterative walk: a hostile thread nested thousands deep must not overflow the stack.
    Deque<Nested> stack = new ArrayDeque<>();
    pushChildren(stack, root, 1);
    while (!stack.isEmpty()) {
      Nested entry = stack.pop();
      JsonNode node = entry.node();
      String id = NativeFields.string(node, "id");
      String text = NativeFields.html(NativeFields.string(node, "text"));
      if (id != null && !text.isEmpty()) {
        ItemId parent = parentOf(node);
        items.add(
            new RawItem(
                HackerNews.id(id),
                HackerNews.url(id),
                HackerNews.SOURCE,
                "",
                NativeFields.string(node, "author"),
                published(node, fetchedAt),
                fetchedAt,
                null,
                text,
                parent != null ? parent : HackerNews.id(rootId),
                threadId,
                discusses,
                null,
                null));
      }
      if (entry.depth() < MAX_DEPTH) {
        pushChildren(stack, node, entry.depth() + 1);
      }
    }
    return items;
  }

  private record Nested(JsonNode node, int depth) {}

  private static void pushChildren(Deque<Nested> stack, JsonNode node, int depth) {
    JsonNode children = node.path("children");
    for (int i = children.size() - 1; i >= 0; i--) {
      if (children.get(i).isObject()) {
        stack.push(new Nested(children.get(i), depth));
      }
    }
  }

  private static ItemId parentOf(JsonNode node) {
    String parent = NativeFields.string(node, "parent_id");
    return parent == null ? null : HackerNews.id(parent);
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

  /** The {@code created_at} time, else {@code created_at_i} (epoch seconds). */
  static Published published(JsonNode node, Instant fetchedAt) {
    Optional<Instant> at = NativeFields.dateText(node, "created_at");
    if (at.isEmpty()) {
      at = NativeFields.epochSeconds(node, "created_at_i");
    }
    return NativeFields.published(at, fetchedAt);
  }
}
