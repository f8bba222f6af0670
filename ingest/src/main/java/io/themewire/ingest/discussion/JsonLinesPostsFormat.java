package io.themewire.ingest.discussion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.themewire.core.json.Json;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The generic posts import: JSON Lines, one post per line, as exported from any network or written
 * by hand:
 *
 * <pre>{@code
 * {"url":"https://...","author":"ana","text":"...","created_at":"2026-11-12T10:00:00Z",
 *  "id":"optional","title":"optional","network":"optional","points":3,"comments":1}
 * }</pre>
 *
 * <p>Only {@code text} is required. {@code created_at} is an ISO-8601 or RFC 822 date or epoch
 * seconds. Items are posts of the source {@code import:<network>} ({@code import:posts} without a
 * network); the item id is keyed by {@code id}, else the post's URL, else author, time and text.
 * Blank lines are skipped; a line that is not a JSON object, or has no text, fails the whole import
 * with its line number, so that a half-broken export is noticed rather than half-read. A single
 * object (a one-line import) is recognised as a document on its own.
 */
final class JsonLinesPostsFormat implements DiscussionFormat {

  /** The network of posts that name none: their source is {@code import:posts}. */
  static final String DEFAULT_NETWORK = "posts";

  private static final ObjectReader LINE_READER =
      Json.mapper().readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final int maxLines;

  /**
   * @param maxLines lines read at most; later lines are ignored
   */
  JsonLinesPostsFormat(int maxLines) {
    if (maxLines < 1) {
      throw new IllegalArgumentException("maxLines must be at least 1, got " + maxLines);
    }
    this.maxLines = maxLines;
  }

  @Override
  public String name() {
    return "posts-jsonl";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return root.isObject()
        && root.path("text").isTextual()
        && (root.has("author") || root.has("url") || root.has("created_at"));
  }

  @Override
  public List<RawItem> parse(JsonNode root, Instant fetchedAt) throws IOException {
    return List.of(post(root, 1, fetchedAt));
  }

  /**
   * Reads a JSON Lines document, up to {@code maxLines} lines.
   *
   * @throws IOException naming the line number when a line is not a JSON object or has no text
   */
  List<RawItem> parseLines(byte[] bytes, Instant fetchedAt) throws IOException {
    String content = new String(bytes, StandardCharsets.UTF_8);
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    List<RawItem> items = new ArrayList<>();
    Iterator<String> lines = content.lines().iterator();
    for (int number = 1; number <= maxLines && lines.hasNext(); number++) {
      String line = lines.next();
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = LINE_READER.readValue(line);
      } catch (JsonProcessingException e) {
        throw DiscussionFormats.invalidJson("on line " + number, e);
      }
      items.add(post(node, number, fetchedAt));
    }
    return items;
  }

  private static RawItem post(JsonNode node, int line, Instant fetchedAt) throws IOException {
    if (node == null || !node.isObject()) {
      throw new IOException("posts import: line " + line + " is not a JSON object");
    }
    String text = NativeFields.plain(NativeFields.string(node, "text"));
    if (text.isEmpty()) {
      throw new IOException("posts import: line " + line + " has no text");
    }
    String network = network(NativeFields.string(node, "network"));
    String sourceId = "import:" + network;
    CanonicalUrl url = NativeFields.url(NativeFields.string(node, "url"));
    String author = NativeFields.string(node, "author");
    String createdAt = NativeFields.string(node, "created_at");
    Optional<Instant> created =
        node.path("created_at").isNumber()
            ? NativeFields.epochSeconds(node, "created_at")
            : NativeFields.dateText(node, "created_at");
    String nativeId = NativeFields.string(node, "id");
    if (nativeId == null) {
      nativeId = url != null ? url.value() : author + "\n" + createdAt + "\n" + text;
    }
    return new RawItem(
        ItemId.of(sourceId, nativeId),
        url,
        new Source(sourceId, sourceName(network), SourceKind.POST),
        NativeFields.plain(NativeFields.string(node, "title")),
        author,
        NativeFields.published(created, fetchedAt),
        fetchedAt,
        null,
        text,
        null,
        null,
        null,
        NativeFields.engagement(
            NativeFields.integer(node, "points"), NativeFields.count(node, "comments")),
        null);
  }

  private static String sourceName(String network) {
    return network.equals(DEFAULT_NETWORK) ? "Imported posts" : "Imported posts (" + network + ")";
  }

  /** The network's name as a source id part: lower case letters, digits, dots and dashes. */
  private static String network(String network) {
    if (network == null) {
      return DEFAULT_NETWORK;
    }
    String cleaned = network.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
    cleaned = cleaned.replaceAll("^-+|-+$", "");
    return cleaned.isEmpty() || cleaned.length() > 64 ? DEFAULT_NETWORK : cleaned;
  }
}
