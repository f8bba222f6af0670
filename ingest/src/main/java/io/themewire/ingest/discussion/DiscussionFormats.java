package io.themewire.ingest.discussion;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.json.Json;
import io.themewire.core.message.RawItem;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The discussion and post formats tried in order: the front door for JSON documents of threads and
 * posts. {@link #parse} reads the bytes once and lets the first {@link DiscussionFormat} that
 * recognises the document parse it; several JSON objects one per line are read as the generic posts
 * import (JSON Lines).
 *
 * <p>{@link #defaults()} knows, in this order: Hacker News Algolia items and search results, the
 * official Hacker News API, Reddit listings and comment pages, Mastodon statuses, Bluesky feeds and
 * threads, and a single posts-import object.
 *
 * <p>Bounds: at most {@link #MAX_JSON_LINES} lines of JSON Lines are read, later ones are ignored;
 * nesting depth and token sizes are capped by Jackson's default stream constraints (nesting 1000
 * deep), which fail the document as invalid JSON. Immutable and thread-safe.
 */
public final class DiscussionFormats {

  /** Lines of a JSON Lines import read at most; the rest are ignored. */
  public static final int MAX_JSON_LINES = 100_000;

  private final List<DiscussionFormat> formats;
  private final JsonLinesPostsFormat jsonLines;

  private DiscussionFormats(List<DiscussionFormat> formats, int maxJsonLines) {
    this.formats = List.copyOf(formats);
    this.jsonLines = new JsonLinesPostsFormat(maxJsonLines);
  }

  /** Every format this package knows, most specific first. */
  public static DiscussionFormats defaults() {
    return new DiscussionFormats(
        List.of(
            new HackerNewsItemFormat(),
            new HackerNewsSearchFormat(),
            new HackerNewsApiFormat(),
            new RedditFormat(),
            new MastodonFormat(),
            new BlueskyFormat(),
            new JsonLinesPostsFormat(MAX_JSON_LINES)),
        MAX_JSON_LINES);
  }

  /**
   * These formats, tried in the given order, for single JSON documents; JSON Lines are still read
   * as the posts import.
   *
   * @throws NullPointerException when the list or one of its formats is null
   */
  public static DiscussionFormats of(List<? extends DiscussionFormat> formats) {
    return new DiscussionFormats(List.copyOf(formats), MAX_JSON_LINES);
  }

  /** The formats tried for a single JSON document, in order. */
  public List<DiscussionFormat> formats() {
    return formats;
  }

  /**
   * Reads a JSON document of threads or posts.
   *
   * <ul>
   *   <li>One JSON document: the items of the first format that recognises it, or empty when none
   *       does. An empty array gives an empty list (an empty page of any array format).
   *   <li>Several JSON objects, one per line (JSON Lines): the items of the posts import.
   * </ul>
   *
   * @param bytes the document, UTF-8 (a byte order mark is allowed)
   * @param fetchedAt when it was read
   * @return the items, or empty when the document is JSON of no known format
   * @throws IOException with a one-line message: {@code invalid JSON: ...} for a syntax error or a
   *     document that is too deeply nested; the format's message for a recognised document of the
   *     wrong shape; the line number for a bad line of JSON Lines
   */
  public Optional<List<RawItem>> parse(byte[] bytes, Instant fetchedAt) throws IOException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    JsonNode root;
    boolean moreValues;
    try (JsonParser parser = Json.mapper().createParser(bytes)) {
      try {
        root = Json.mapper().readTree(parser);
      } catch (JsonProcessingException e) {
        throw invalidJson("", e);
      }
      if (root == null || root.isMissingNode()) {
        throw new IOException("invalid JSON: the document is empty");
      }
      try {
        moreValues = parser.nextToken() != null;
      } catch (JsonProcessingException e) {
        if (!root.isObject()) {
          throw invalidJson("", e);
        }
        // A first object followed by a bad line: JSON Lines, which report the line.
        moreValues = true;
      }
    }
    if (moreValues) {
      if (!root.isObject()) {
        throw new IOException("invalid JSON: more content after the first value");
      }
      return Optional.of(jsonLines.parseLines(bytes, fetchedAt));
    }
    for (DiscussionFormat format : formats) {
      if (format.recognizes(root)) {
        return Optional.of(parseWith(format, root, fetchedAt));
      }
    }
    if (root.isArray() && root.isEmpty()) {
      return Optional.of(List.of());
    }
    return Optional.empty();
  }

  private static List<RawItem> parseWith(DiscussionFormat format, JsonNode root, Instant fetchedAt)
      throws IOException {
    try {
      return List.copyOf(format.parse(root, fetchedAt));
    } catch (IllegalArgumentException | DateTimeException e) {
      // A value the message records refuse (a malformed id or URL) is a bad document, not a bug.
      throw new IOException(format.name() + ": " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * A one-line {@code invalid JSON} exception from Jackson's message and location.
   *
   * @param where words after "invalid JSON" ({@code "on line 3"}), or empty
   */
  static IOException invalidJson(String where, JsonProcessingException e) {
    StringBuilder message = new StringBuilder("invalid JSON");
    if (!where.isEmpty()) {
      message.append(' ').append(where);
    }
    message.append(": ").append(firstLine(e.getOriginalMessage()));
    JsonLocation location = e.getLocation();
    if (location != null && location.getColumnNr() > 0) {
      message.append(
          where.isEmpty() && location.getLineNr() > 0
              ? " at line " + location.getLineNr() + ", column "
              : " at column ");
      message.append(location.getColumnNr());
    }
    return new IOException(message.toString(), e);
  }

  private static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return "no details";
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
