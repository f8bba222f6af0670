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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bluesky posts from the AT Protocol app view: an author feed ({@code app.bsky.feed.getAuthorFeed},
 * {@code {"feed":[{"post":...}]}}) or a thread ({@code app.bsky.feed.getPostThread}, {@code
 * {"thread":{"post":...,"parent":...,"replies":[...]}}}). Each post with text becomes a post item:
 * its {@code at://} uri as id, {@code https://bsky.app/profile/<handle>/post/<rkey>} as URL, likes
 * as points and replies as comments, the linked page of an external embed as the article it
 * discusses, and the record's first language. Replies keep their parent and root from the record's
 * {@code reply} reference (or, failing that, from the thread's tree). A thread's ancestors come
 * first, then the post, then its replies; posts not found or blocked are skipped, as are reposts of
 * a post already read.
 */
final class BlueskyFormat implements DiscussionFormat {

  static final String SOURCE_ID = "bluesky";

  private static final Source SOURCE = new Source(SOURCE_ID, "Bluesky", SourceKind.POST);
  private static final String THREAD_VIEW_POST = "app.bsky.feed.defs#threadViewPost";

  /** Most ancestors read above a thread's post; guards against hostile parent chains. */
  private static final int MAX_ANCESTORS = 1_000;

  @Override
  public String name() {
    return "bluesky";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    if (!root.isObject()) {
      return false;
    }
    JsonNode feed = root.path("feed");
    if (feed.isArray()) {
      return feed.isEmpty() || feed.get(0).path("post").isObject();
    }
    JsonNode thread = root.path("thread");
    return thread.isObject() && (thread.path("post").isObject() || thread.has("$type"));
  }

  @Override
  public List<RawItem> parse(JsonNode root, Instant fetchedAt) throws IOException {
    List<RawItem> items = new ArrayList<>();
    Set<ItemId> emitted = new HashSet<>();
    if (root.path("feed").isArray()) {
      int index = 0;
      for (JsonNode entry : root.path("feed")) {
        if (!entry.path("post").isObject()) {
          throw new IOException("not a Bluesky feed: entry " + index + " has no post");
        }
        add(items, emitted, post(entry.path("post"), null, null, fetchedAt));
        index++;
      }
      return items;
    }
    JsonNode thread = root.path("thread");
    if (!thread.isObject()) {
      throw new IOException("not a Bluesky feed or thread: expected feed or thread");
    }
    readThread(thread, items, emitted, fetchedAt);
    return items;
  }

  private static void readThread(
      JsonNode thread, List<RawItem> items, Set<ItemId> emitted, Instant fetchedAt)
      throws IOException {
    // Ancestors, root first.
    Deque<JsonNode> ancestors = new ArrayDeque<>();
    JsonNode up = thread.path("parent");
    while (isThreadViewPost(up) && ancestors.size() < MAX_ANCESTORS) {
      ancestors.push(up);
      up = up.path("parent");
    }
    if (!isThreadViewPost(thread)) {
      return;
    }
    ItemId top = postId(ancestors.isEmpty() ? thread : ancestors.peekFirst());
    ItemId above = null;
    for (JsonNode ancestor : ancestors) {
      add(items, emitted, post(ancestor.path("post"), above, top, fetchedAt));
      above = postId(ancestor);
    }
    // The post and its replies, pre-order, without recursion.
    Deque<Reply> stack = new ArrayDeque<>();
    stack.push(new Reply(thread, above));
    while (!stack.isEmpty()) {
      Reply reply = stack.pop();
      add(items, emitted, post(reply.node().path("post"), reply.treeParent(), top, fetchedAt));
      ItemId self = postId(reply.node());
      JsonNode replies = reply.node().path("replies");
      for (int i = replies.size() - 1; i >= 0; i--) {
        if (isThreadViewPost(replies.get(i))) {
          stack.push(new Reply(replies.get(i), self));
        }
      }
    }
  }

  /** A thread view post and the post above it in the tree (null at the top). */
  private record Reply(JsonNode node, ItemId treeParent) {}

  private static boolean isThreadViewPost(JsonNode node) {
    if (!node.isObject() || !node.path("post").isObject()) {
      return false;
    }
    String type = NativeFields.string(node, "$type");
    return type == null || type.equals(THREAD_VIEW_POST);
  }

  private static ItemId postId(JsonNode threadViewPost) {
    String uri = NativeFields.string(threadViewPost.path("post"), "uri");
    return uri == null ? null : ItemId.of(SOURCE_ID, uri);
  }

  private static void add(List<RawItem> items, Set<ItemId> emitted, Optional<RawItem> item) {
    if (item.isPresent() && emitted.add(item.get().id())) {
      items.add(item.get());
    }
  }

  /**
   * The post as an item; empty when it has no text.
   *
   * @param treeParent the post above it in a thread, used when the record names no parent
   * @param treeRoot the top post of a thread, used when the record names no root
   */
  private static Optional<RawItem> post(
      JsonNode post, ItemId treeParent, ItemId treeRoot, Instant fetchedAt) throws IOException {
    String uri = NativeFields.string(post, "uri");
    if (uri == null || !uri.startsWith("at://")) {
      throw new IOException("not a Bluesky post: no at:// uri");
    }
    JsonNode record = post.path("record");
    String text = NativeFields.plain(NativeFields.string(record, "text"));
    if (text.isEmpty()) {
      return Optional.empty();
    }
    JsonNode author = post.path("author");
    String handle = NativeFields.string(author, "handle");
    if (handle == null || handle.equals("handle.invalid")) {
      handle = NativeFields.string(author, "did");
    }
    String parentUri = NativeFields.string(record.path("reply").path("parent"), "uri");
    String rootUri = NativeFields.string(record.path("reply").path("root"), "uri");
    ItemId parent = parentUri != null ? ItemId.of(SOURCE_ID, parentUri) : treeParent;
    ItemId thread =
        rootUri != null ? ItemId.of(SOURCE_ID, rootUri) : parent == null ? null : treeRoot;
    Optional<Instant> created = NativeFields.dateText(record, "createdAt");
    if (created.isEmpty()) {
      created = NativeFields.dateText(post, "indexedAt");
    }
    return Optional.of(
        new RawItem(
            ItemId.of(SOURCE_ID, uri),
            handle == null ? null : NativeFields.url(webUrl(handle, uri)),
            SOURCE,
            "",
            handle,
            NativeFields.published(created, fetchedAt),
            fetchedAt,
            NativeFields.language(firstLanguage(record)),
            text,
            parent,
            thread,
            linkedPage(post),
            NativeFields.engagement(
                NativeFields.count(post, "likeCount"), NativeFields.count(post, "replyCount")),
            null));
  }

  private static String firstLanguage(JsonNode record) {
    JsonNode first = record.path("langs").path(0);
    return first.isTextual() ? first.textValue() : null;
  }

  /** {@code https://bsky.app/profile/<handle>/post/<rkey>}, the rkey being the uri's last part. */
  private static String webUrl(String handle, String atUri) {
    String rkey = atUri.substring(atUri.lastIndexOf('/') + 1);
    return "https://bsky.app/profile/" + handle + "/post/" + rkey;
  }

  /** The external link embedded in the post (as viewed, else as recorded), else null. */
  private static CanonicalUrl linkedPage(JsonNode post) {
    JsonNode embed = post.path("embed");
    for (JsonNode external :
        List.of(
            embed.path("external"),
            embed.path("media").path("external"),
            post.path("record").path("embed").path("external"),
            post.path("record").path("embed").path("media").path("external"))) {
      CanonicalUrl url = NativeFields.url(NativeFields.string(external, "uri"));
      if (url != null) {
        return url;
      }
    }
    return null;
  }
}
