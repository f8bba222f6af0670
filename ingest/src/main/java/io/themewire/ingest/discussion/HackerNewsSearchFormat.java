package io.themewire.ingest.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A page of Hacker News Algolia search results ({@code search?tags=story&query=...} or {@code
 * search_by_date}): {@code hits} with {@code _tags}. A story hit (also {@code ask_hn}, {@code
 * show_hn}, jobs and polls) becomes a story with its points, comment count and linked article; a
 * comment hit becomes a comment with its parent, its story as thread, and the story's link as the
 * article it discusses. Poll options and hits without text or title are skipped.
 */
final class HackerNewsSearchFormat implements DiscussionFormat {

  @Override
  public String name() {
    return "hn-algolia-search";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return root.isObject()
        && root.path("hits").isArray()
        && (root.has("nbHits") || root.has("hitsPerPage") || root.has("nbPages"));
  }

  @Override
  public List<RawItem> parse(JsonNode root, Instant fetchedAt) throws IOException {
    if (!root.isObject() || !root.path("hits").isArray()) {
      throw new IOException("not a Hacker News search result: expected an object with hits");
    }
    List<RawItem> items = new ArrayList<>();
    int index = 0;
    for (JsonNode hit : root.path("hits")) {
      String id = NativeFields.string(hit, "objectID");
      if (!hit.isObject() || id == null) {
        throw new IOException("Hacker News search hit " + index + " has no objectID");
      }
      Set<String> tags = tags(hit);
      if (tags.contains("comment")) {
        RawItem comment = comment(hit, id, fetchedAt);
        if (!comment.text().isEmpty()) {
          items.add(comment);
        }
      } else if (!tags.contains("pollopt") && NativeFields.string(hit, "title") != null) {
        items.add(story(hit, id, fetchedAt));
      }
      index++;
    }
    return items;
  }

  private static RawItem story(JsonNode hit, String id, Instant fetchedAt) {
    return new RawItem(
        HackerNews.id(id),
        HackerNews.url(id),
        HackerNews.SOURCE,
        NativeFields.html(NativeFields.string(hit, "title")),
        NativeFields.string(hit, "author"),
        HackerNewsItemFormat.published(hit, fetchedAt),
        fetchedAt,
        null,
        NativeFields.html(NativeFields.string(hit, "story_text")),
        null,
        null,
        NativeFields.url(NativeFields.string(hit, "url")),
        NativeFields.engagement(
            NativeFields.integer(hit, "points"), NativeFields.count(hit, "num_comments")),
        null);
  }

  private static RawItem comment(JsonNode hit, String id, Instant fetchedAt) {
    String storyId = NativeFields.string(hit, "story_id");
    String parentId = NativeFields.string(hit, "parent_id");
    ItemId thread = storyId == null ? null : HackerNews.id(storyId);
    return new RawItem(
        HackerNews.id(id),
        HackerNews.url(id),
        HackerNews.SOURCE,
        "",
        NativeFields.string(hit, "author"),
        HackerNewsItemFormat.published(hit, fetchedAt),
        fetchedAt,
        null,
        NativeFields.html(NativeFields.string(hit, "comment_text")),
        parentId == null ? thread : HackerNews.id(parentId),
        thread,
        NativeFields.url(NativeFields.string(hit, "story_url")),
        null,
        null);
  }

  private static Set<String> tags(JsonNode hit) {
    Set<String> tags = new HashSet<>();
    for (JsonNode tag : hit.path("_tags")) {
      if (tag.isTextual()) {
        tags.add(tag.textValue());
      }
    }
    return tags;
  }
}
