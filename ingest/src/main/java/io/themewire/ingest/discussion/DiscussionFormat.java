package io.themewire.ingest.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.message.RawItem;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * One JSON shape of discussion threads or social posts (a Hacker News item, a Reddit listing, a
 * Mastodon timeline, ...) and how to read it into raw items. {@link DiscussionFormats} asks each
 * format in turn whether it {@link #recognizes} a document and lets the first that does parse it.
 *
 * <p>Contract for every implementation:
 *
 * <ul>
 *   <li>{@link #recognizes} looks at the shape only (field names and types near the root), never
 *       throws and is cheap; it may accept a document that {@link #parse} later rejects.
 *   <li>{@link #parse} returns one item per story, comment or post that has text, in document order
 *       (a nested thread in pre-order: parents before their replies). Ids are stable ({@code
 *       ItemId.of(sourceId, nativeId)}), so reading the same document twice gives equal items.
 *       Unknown fields are ignored and optional fields may be missing.
 *   <li>A document of the wrong shape raises an {@link IOException} with a one-line message;
 *       nothing else is thrown for bad input.
 * </ul>
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface DiscussionFormat {

  /** A short stable name for logs and counters, such as {@code reddit}. */
  String name();

  /** True when {@code root} has the shape of this format. */
  boolean recognizes(JsonNode root);

  /**
   * Reads the items of one document.
   *
   * @param root the parsed document; never null
   * @param fetchedAt when the document was read; the fallback publication time, and the limit
   *     beyond which a native time is not trusted
   * @return the items, possibly none; never null
   * @throws IOException when the document does not have this format's shape
   */
  List<RawItem> parse(JsonNode root, Instant fetchedAt) throws IOException;
}
