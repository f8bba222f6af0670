package io.themewire.ingest.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Items of the official Hacker News API ({@code hacker-news.firebaseio.com/v0/item/<id>.json}): one
 * item object, or a JSON array of them (a story and the comments fetched for it). Stories, jobs and
 * polls become stories with score and {@code descendants}; comments become comments with their
 * {@code parent}. Deleted and dead items and poll options are skipped.
 *
 * <p>Comments in this API do not name their story: the thread id (and the article discussed) is
 * found by following {@code parent} through the items of the same document, and is null when the
 * chain leaves the document.
 */
final class HackerNewsApiFormat implements DiscussionFormat {

  private static final Set<String> STORY_TYPES = Set.of("story", "job", "poll");

  /** Longest parent chain followed to find a comment's story; guards against cycles. */
  private static final int MAX_CHAIN = 1_000;

  @Override
  public String name() {
    return "hn-api";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return isItem(root) || (root.isArray() && !root.isEmpty() && isItem(root.get(0)));
  }

  private static boolean isItem(JsonNode node) {
    return node.isObject()
        && node.path("id").isIntegralNumber()
        && node.path("type").isTextual()
        && !node.has("children")
        && (node.has("time") || node.has("by") || node.has("deleted"));
  }

  private static boolean isStory(String type) {
    return type != null && STORY_TYPES.contains(type);
  }

  @Override
  public List<RawItem> parse(JsonNode root, Instant fetchedAt) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(nodes::add);
    } else {
      nodes.add(root);
    }
    Map<String, JsonNode> byId = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode node = nodes.get(i);
      String id = NativeFields.string(node, "id");
      if (!node.isObject() || id == null) {
        throw new IOException("not a Hacker News API item: element " + i + " has no id");
      }
      byId.put(id, node);
    }
    List<RawItem> items = new ArrayList<>();
    for (JsonNode node : nodes) {
      if (node.path("deleted").asBoolean(false) || node.path("dead").asBoolean(false)) {
        continue;
      }
      String type = NativeFields.string(node, "type");
      if (isStory(type)) {
        items.add(story(node, fetchedAt));
      } else if ("comment".equals(type)) {
        RawItem comment = comment(node, byId, fetchedAt);
        if (!comment.text().isEmpty()) {
          items.add(comment);
        }
      }
    }
    return items;
  }

  private static RawItem story(JsonNode node, Instant fetchedAt) {
    String id = NativeFields.string(node, "id");
    return new RawItem(
        HackerNews.id(id),
        HackerNews.url(id),
        HackerNews.SOURCE,
        NativeFields.plain(NativeFields.string(node, "title")),
        NativeFields.string(node, "by"),
        NativeFields.published(NativeFields.epochSeconds(node, "time"), fetchedAt),
        fetchedAt,
        null,
        NativeFields.html(NativeFields.string(node, "text")),
        null,
        null,
        NativeFields.url(NativeFields.string(node, "url")),
        NativeFields.engagement(
            NativeFields.integer(node, "score"), NativeFields.count(node, "descendants")),
        null);
  }

  private static RawItem comment(JsonNode node, Map<String, JsonNode> byId, Instant fetchedAt) {
    String id = NativeFields.string(node, "id");
    String parent = NativeFields.string(node, "parent");
    JsonNode story = storyOf(node, byId);
    ItemId thread = story == null ? null : HackerNews.id(NativeFields.string(story, "id"));
    CanonicalUrl discusses =
        story == null ? null : NativeFields.url(NativeFields.string(story, "url"));
    return new RawItem(
        HackerNews.id(id),
        HackerNews.url(id),
        HackerNews.SOURCE,
        "",
        NativeFields.string(node, "by"),
        NativeFields.published(NativeFields.epochSeconds(node, "time"), fetchedAt),
        fetchedAt,
        null,
        NativeFields.html(NativeFields.string(node, "text")),
        parent == null ? null : HackerNews.id(parent),
        thread,
        discusses,
        null,
        null);
  }

  /** The story at the top of the comment's parent chain, when the chain stays in the document. */
  private static JsonNode storyOf(JsonNode comment, Map<String, JsonNode> byId) {
    JsonNode node = comment;
    for (int i = 0; i < MAX_CHAIN; i++) {
      String parent = NativeFields.string(node, "parent");
      node = parent == null ? null : byId.get(parent);
      if (node == null) {
        return null;
      }
      if (isStory(NativeFields.string(node, "type"))) {
        return node;
      }
    }
    return null;
  }
}
