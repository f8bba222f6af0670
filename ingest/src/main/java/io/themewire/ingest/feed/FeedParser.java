package io.themewire.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.io.FeedException;
import io.themewire.core.json.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads a feed document into raw items: RSS 0.9x / 1.0 / 2.0 and Atom 0.3 / 1.0 with ROME, JSON
 * Feed 1.0 / 1.1 with {@link JsonFeedParser}. Thread-safe.
 *
 * <p>The bytes are decoded first, by the HTTP charset when given, else the byte order mark, the XML
 * declaration, UTF-8, and a charset detector, in that order. A document ROME refuses is read again:
 * by ROME with its entity and prolog repairs, and failing that by a lenient reader built on jsoup's
 * XML parser; either way the result is marked {@link ParsedFeed#degraded() degraded} with the
 * reason. DOCTYPE declarations are never processed: ROME refuses them and the lenient reader drops
 * them, so no external entity or DTD is ever fetched and entity expansion bombs cost nothing; an
 * entity the document declared stays in the text as written ({@code &xxe;}).
 *
 * <p>Bounded by its input: the caller caps the size of the document (the fetch and file limits);
 * every step here is linear in it.
 */
public final class FeedParser {

  private final FeedDecoder decoder = new FeedDecoder();
  private final RomeFeedReader rome = new RomeFeedReader();
  private final LenientFeedReader lenient = new LenientFeedReader();
  private final JsonFeedParser json = new JsonFeedParser();
  private final FeedItems items = new FeedItems();

  /**
   * Parses a feed whose charset is known only from its own bytes (BOM, XML declaration, content).
   *
   * @see #parse(byte[], String, Instant, String)
   */
  public ParsedFeed parse(byte[] bytes, String location, Instant fetchedAt)
      throws FeedParseException {
    return parse(bytes, location, fetchedAt, null);
  }

  /** A document whose root element is an Atom entry rather than a feed. */
  private static final java.util.regex.Pattern ATOM_ENTRY_ROOT =
      java.util.regex.Pattern.compile(
          "^(?:\\s|<\\?.*?\\?>|<!--.*?-->)*<(?:[\\w.-]+:)?entry[\\s>]",
          java.util.regex.Pattern.DOTALL);

  /**
   * Parses a feed.
   *
   * @param bytes the feed document
   * @param location where it was read from (a URL or a file path): the source id, and the base for
   *     relative links when it is a URL
   * @param fetchedAt when it was read; also the publication time of entries without one, and the
   *     cap for dates in the future
   * @param contentType the HTTP Content-Type header, or null; its {@code charset} parameter, when
   *     present, wins over the document's own declaration
   * @return the feed, {@link ParsedFeed#degraded() degraded} when it was not read exactly as
   *     written
   * @throws FeedParseException {@code empty}, {@code not-a-feed} or {@code parse-error}; see {@link
   *     FeedParseException}
   */
  public ParsedFeed parse(byte[] bytes, String location, Instant fetchedAt, String contentType)
      throws FeedParseException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    if (bytes.length == 0) {
      throw new FeedParseException("empty", "the document is empty");
    }
    FeedDecoder.Decoded decoded = decoder.decode(bytes, contentType);
    String text = decoded.text();
    String charsetProblem = decoded.problem() == null ? null : "charset: " + decoded.problem();
    int start = firstNonSpace(text);
    if (start < 0) {
      throw new FeedParseException("empty", "the document is only white space");
    }
    char first = text.charAt(start);
    if (first == '{') {
      return parseJson(text, location, fetchedAt, charsetProblem);
    }
    if (first != '<') {
      throw new FeedParseException(
          "not-a-feed",
          "the document starts with "
              + (Character.isISOControl(first)
                  ? String.format("U+%04X", (int) first)
                  : "'" + first + "'")
              + ", not with markup");
    }
    int depth = XmlPrelude.nestingDepth(text, MAX_DEPTH);
    if (depth > MAX_DEPTH) {
      // XML parsers recurse per level: refuse before one is asked to, cheaply and in linear time.
      throw new FeedParseException(
          "parse-error", "elements are nested deeper than " + MAX_DEPTH + " levels");
    }
    FeedDocument doc = null;
    String degraded = charsetProblem;
    String strictError = null;
    try {
      doc = rome.read(text, false);
    } catch (FeedException | RuntimeException | StackOverflowError e) {
      // StackOverflowError: ROME copies foreign markup recursively; a hostile nesting depth must
      // cost this one feed, not the worker.
      strictError = describe(e);
    }
    if (doc != null && doc.entries().isEmpty() && ATOM_ENTRY_ROOT.matcher(text).find()) {
      // An Atom Entry Document (RFC 4287 section 4.1.2): ROME reads it as a feed with no entries.
      doc = readLeniently(text, "a standalone Atom entry");
      degraded = join(degraded, "lenient: a standalone Atom entry");
    }
    if (doc == null) {
      if (!strictError.contains("DOCTYPE")) {
        try {
          doc = rome.read(text, true);
          degraded = join(degraded, "healed: " + strictError);
        } catch (FeedException | RuntimeException | StackOverflowError e) {
          // The lenient reader is the last resort.
        }
      }
      if (doc == null) {
        doc = readLeniently(text, strictError);
        degraded = join(degraded, "lenient: " + strictError);
      }
    }
    return items.assemble(doc, location, fetchedAt, degraded);
  }

  /** Deepest element nesting a feed may have; real feeds stay far below. */
  static final int MAX_DEPTH = 512;

  private FeedDocument readLeniently(String text, String strictError) throws FeedParseException {
    try {
      return lenient.read(text, strictError);
    } catch (RuntimeException | StackOverflowError e) {
      throw new FeedParseException(
          "parse-error", strictError + "; the lenient reader failed too: " + describe(e), e);
    }
  }

  private ParsedFeed parseJson(
      String text, String location, Instant fetchedAt, String charsetProblem)
      throws FeedParseException {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new FeedParseException("parse-error", "invalid JSON: " + firstLine(e.getMessage()), e);
    }
    if (root == null || !JsonFeedParser.looksLikeJsonFeed(root)) {
      throw new FeedParseException(
          "not-a-feed", "JSON without a \"version\" of https://jsonfeed.org/version/...");
    }
    ParsedFeed feed = json.parse(root, location, fetchedAt);
    if (charsetProblem == null) {
      return feed;
    }
    return new ParsedFeed(feed.source(), feed.link(), feed.items(), true, charsetProblem);
  }

  private static int firstNonSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** One line: the exception's message and, when it has one, its cause's. */
  static String describe(Throwable e) {
    String message = firstLine(e.getMessage());
    String text = message.isEmpty() ? e.getClass().getSimpleName() : message;
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      String causeMessage = firstLine(cause.getMessage());
      String causeText = causeMessage.isEmpty() ? cause.getClass().getSimpleName() : causeMessage;
      if (!text.contains(causeText)) {
        text = text + " (" + causeText + ")";
      }
    }
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }

  private static String join(String first, String second) {
    return first == null ? second : first + "; " + second;
  }
}
