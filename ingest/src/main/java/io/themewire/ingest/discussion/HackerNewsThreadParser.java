package io.themewire.ingest.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.RawItem;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Reads a Hacker News thread in the shape of the Algolia {@code items/<id>} API (a story with
 * nested {@code children}) into one raw item per story and comment. Comments keep their parent and
 * thread ids; the story records the article it discusses and its points and comment count.
 * Thread-safe.
 *
 * <p>This is the Algolia item format of {@link DiscussionFormats} on its own; new code should read
 * JSON through {@link DiscussionFormats#parse}, which also knows the other formats.
 */
public final class HackerNewsThreadParser {

  /** The source id of Hacker News items. */
  public static final String SOURCE_ID = HackerNews.SOURCE_ID;

  /** Deepest comment nesting read; deeper replies are cut off (real threads stay far below). */
  static final int MAX_DEPTH = HackerNewsItemFormat.MAX_DEPTH;

  private final HackerNewsItemFormat format = new HackerNewsItemFormat();

  /** True when the JSON looks like an Algolia HN item (has {@code children} and a {@code type}). */
  public static boolean looksLikeThread(JsonNode root) {
    return HackerNewsItemFormat.isThread(root);
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
    return format.parse(root, fetchedAt);
  }
}
