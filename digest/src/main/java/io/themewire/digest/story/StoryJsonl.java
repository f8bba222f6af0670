package io.themewire.digest.story;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.message.SourceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads a {@link StoryItem} from one JSON object, as {@code themewire stories} and the benchmarks
 * take them: {@code id} (string or number), {@code title}, {@code text}, and optionally {@code
 * published} (ISO instant, offset date-time, date, epoch seconds, or an object with {@code at}),
 * {@code source} (a site name, or an object with {@code id}/{@code name}/{@code kind}), {@code
 * site}, {@code url}, {@code kind} ({@code feed}, {@code article}, {@code discussion}, {@code
 * post}), {@code discusses} (URL of the article a thread discusses) and {@code threadId} (the root
 * item of a comment's thread, used when there is no {@code discusses}). Unknown fields are ignored,
 * so the output of {@code themewire ingest} reads as well.
 */
public final class StoryJsonl {

  private StoryJsonl() {}

  /** Bad input: the message says which field and why, in one line. */
  public static final class BadItemException extends IllegalArgumentException {
    public BadItemException(String message) {
      super(message);
    }
  }

  /**
   * The item in {@code node}.
   *
   * @param fallbackId the id to use when the object has none (such as the line number)
   * @throws BadItemException when the node is not an object, has neither title nor text, or a field
   *     has the wrong shape
   */
  public static StoryItem item(JsonNode node, String fallbackId) {
    if (node == null || !node.isObject()) {
      throw new BadItemException("expected a JSON object");
    }
    JsonNode idNode = node.path("id");
    String id =
        idNode.isTextual() || idNode.isNumber()
            ? idNode.asText()
            : idNode.isObject() && idNode.path("value").isTextual()
                ? idNode.path("value").asText()
                : idNode.isMissingNode() || idNode.isNull() ? fallbackId : null;
    if (id == null || id.isBlank()) {
      throw new BadItemException("id must be a string or a number");
    }
    String title = text(node, "title");
    String text = text(node, "text");
    if (title.isBlank() && text.isBlank()) {
      throw new BadItemException("item " + id + " has neither title nor text");
    }
    Instant published = published(node.path("published"), id);
    JsonNode source = node.path("source");
    String site = node.path("site").isTextual() ? node.path("site").asText() : null;
    SourceKind kind = kind(node.path("kind"), id);
    if (source.isObject()) {
      if (kind == null) {
        kind = kind(source.path("kind"), id);
      }
    } else if (site == null && source.isTextual()) {
      site = source.asText();
    }
    String url = urlText(node.path("url"));
    String discusses = urlText(node.path("discusses"));
    if (discusses == null) {
      discusses = urlText(node.path("threadId"));
    }
    if (discusses != null && kind == null) {
      kind = SourceKind.DISCUSSION;
    }
    return new StoryItem(id, title, text, published, site, url, kind, discusses);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new BadItemException(field + " must be a string");
    }
    return v.asText();
  }

  private static String urlText(JsonNode v) {
    if (v.isTextual() && !v.asText().isBlank()) {
      return v.asText();
    }
    if (v.isObject() && v.path("value").isTextual()) {
      return v.path("value").asText();
    }
    return null;
  }

  private static SourceKind kind(JsonNode v, String id) {
    if (!v.isTextual() || v.asText().isBlank()) {
      return null;
    }
    try {
      return SourceKind.fromId(v.asText());
    } catch (IllegalArgumentException e) {
      throw new BadItemException("item " + id + ": " + e.getMessage());
    }
  }

  static Instant published(JsonNode v, String id) {
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isObject()) {
      return published(v.path("at"), id);
    }
    if (v.isNumber()) {
      return Instant.ofEpochSecond(v.asLong());
    }
    if (!v.isTextual()) {
      throw new BadItemException("item " + id + ": published must be a date or time");
    }
    String s = v.asText().strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant();
    } catch (DateTimeParseException e) {
      throw new BadItemException(
          "item "
              + id
              + ": published '"
              + s.substring(0, Math.min(40, s.length())).toLowerCase(Locale.ROOT)
              + "' is not an ISO date or time");
    }
  }
}
