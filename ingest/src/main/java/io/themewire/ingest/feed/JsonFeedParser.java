package io.themewire.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.ingest.extract.HtmlText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a JSON Feed (<a href="https://jsonfeed.org/version/1.1">1.1</a> and 1.0) into raw items,
 * with the conventions of {@link FeedParser}: an item's id is that of its canonical URL ({@code
 * url}, else {@code external_url}), else that of the feed and the item's {@code id}; relative URLs
 * are resolved against the feed's URL, or its {@code home_page_url} when read from a file; a date
 * in the future gives way to the fetch time; an item without a date is dated when first seen.
 *
 * <p>Text is {@code content_html} as plain text or {@code content_text}, whichever says more, else
 * {@code summary}. The author is the first named one of the item's {@code authors} (1.1) or its
 * {@code author} (1.0), else the feed's. Items that are not JSON objects are skipped. Thread-safe.
 */
public final class JsonFeedParser {

  private static final Pattern VERSION = Pattern.compile("^https?://jsonfeed\\.org/version/.+");

  private final FeedItems items = new FeedItems();

  /**
   * True when the JSON is an object whose {@code version} is a jsonfeed.org version URL ({@code
   * https://jsonfeed.org/version/1.1}; the {@code http} form of early feeds is accepted too).
   */
  public static boolean looksLikeJsonFeed(JsonNode root) {
    if (root == null || !root.isObject()) {
      return false;
    }
    JsonNode version = root.get("version");
    return version != null && version.isTextual() && VERSION.matcher(version.textValue()).matches();
  }

  /**
   * Parses a JSON Feed.
   *
   * @param root the parsed JSON document
   * @param location where it was read from (a URL or a file path): the source id, and the base for
   *     relative URLs when it is a URL
   * @param fetchedAt when it was read
   * @return the feed, never {@link ParsedFeed#degraded() degraded}
   * @throws FeedParseException {@code not-a-feed} when {@link #looksLikeJsonFeed} is false, {@code
   *     parse-error} when {@code items} is missing or not an array
   */
  public ParsedFeed parse(JsonNode root, String location, Instant fetchedAt)
      throws FeedParseException {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    if (!looksLikeJsonFeed(root)) {
      throw new FeedParseException(
          "not-a-feed", "JSON without a \"version\" of https://jsonfeed.org/version/...");
    }
    JsonNode list = root.get("items");
    if (list == null || !list.isArray()) {
      throw new FeedParseException("parse-error", "JSON Feed without an \"items\" array");
    }
    String feedAuthor = author(root);
    List<FeedEntry> entries = new ArrayList<>(list.size());
    for (JsonNode item : list) {
      if (item.isObject()) {
        entries.add(entry(item, feedAuthor));
      }
    }
    String title = plain(text(root, "title"));
    FeedDocument doc =
        new FeedDocument(title.isEmpty() ? null : title, text(root, "home_page_url"), entries);
    return items.assemble(doc, location, fetchedAt, null);
  }

  private static FeedEntry entry(JsonNode item, String feedAuthor) {
    String title = plain(text(item, "title"));
    String html = HtmlText.fromHtml(text(item, "content_html"));
    String plainText = HtmlText.normalise(nullToEmpty(text(item, "content_text")));
    String body = plainText.length() > html.length() ? plainText : html;
    if (body.isEmpty()) {
      body = HtmlText.normalise(nullToEmpty(text(item, "summary")));
    }
    String url = text(item, "url");
    if (url == null || url.isBlank()) {
      url = text(item, "external_url");
    }
    Instant published = date(item, "date_published");
    if (published == null) {
      published = date(item, "date_modified");
    }
    String author = author(item);
    return new FeedEntry(
        title,
        url,
        id(item),
        author != null ? author : feedAuthor,
        published,
        body,
        title + "\n" + body);
  }

  /** The id as a string; the spec asks readers to coerce numbers (1.0 feeds use them). */
  private static String id(JsonNode item) {
    JsonNode id = item.get("id");
    if (id == null || !(id.isTextual() || id.isNumber())) {
      return null;
    }
    String s = id.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static String author(JsonNode node) {
    JsonNode authors = node.get("authors");
    if (authors != null && authors.isArray()) {
      for (JsonNode a : authors) {
        String name = plain(text(a, "name"));
        if (!name.isEmpty()) {
          return name;
        }
      }
    }
    JsonNode author = node.get("author");
    if (author != null && author.isObject()) {
      String name = plain(text(author, "name"));
      if (!name.isEmpty()) {
        return name;
      }
    }
    return null;
  }

  private static Instant date(JsonNode item, String field) {
    Optional<Instant> at = Dates.parse(text(item, field));
    return at.orElse(null);
  }

  /** A string member, or null when it is absent or not a string. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  /** Plain text on one line: JSON Feed titles and names are not HTML. */
  private static String plain(String s) {
    return s == null ? "" : s.replaceAll("[\\s\\u00A0]+", " ").strip();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
