package io.themewire.ingest.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.Engagement;
import io.themewire.core.message.Published;
import io.themewire.ingest.extract.HtmlText;
import io.themewire.ingest.feed.Dates;
import io.themewire.ingest.url.UrlCanonicalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the native fields of every discussion format become {@link io.themewire.core.message.RawItem}
 * fields, so that all formats agree: absent, null and blank values read as null; counts are
 * non-negative ints; times in the future are not trusted; links are canonical http(s) URLs or
 * nothing. Stateless and thread-safe.
 */
final class NativeFields {

  /** The last epoch second read as a time (the end of year 9999); larger numbers are not times. */
  private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

  private static final UrlCanonicalizer CANONICALIZER = new UrlCanonicalizer();

  private NativeFields() {}

  /** The field as text when it is a non-blank string or a number, else null. */
  static String string(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isTextual()) {
      return value.textValue().isBlank() ? null : value.textValue();
    }
    if (value.isNumber()) {
      return value.asText();
    }
    return null;
  }

  /** The field as an int when it is an integral number within int range, else null. */
  static Integer integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
  }

  /** As {@link #integer} but null for negative numbers, for counts. */
  static Integer count(JsonNode node, String field) {
    Integer n = integer(node, field);
    return n != null && n >= 0 ? n : null;
  }

  /** Points and comments, or null when the source gives neither. */
  static Engagement engagement(Integer points, Integer comments) {
    Integer safeComments = comments != null && comments >= 0 ? comments : null;
    return points == null && safeComments == null ? null : new Engagement(points, safeComments);
  }

  /** The field as epoch seconds (integral or fractional), else empty. */
  static Optional<Instant> epochSeconds(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isNumber()) {
      return Optional.empty();
    }
    double seconds = value.doubleValue();
    if (!(seconds >= 0 && seconds <= MAX_EPOCH_SECOND)) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond((long) seconds));
  }

  /** The field as a date string {@link Dates} understands, else empty. */
  static Optional<Instant> dateText(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? Dates.parse(value.textValue()) : Optional.empty();
  }

  /**
   * A native time as the publication time, trusted as {@link Published.Provenance#FEED}; when there
   * is none, or it lies after {@code fetchedAt}, the first-seen time instead.
   */
  static Published published(Optional<Instant> at, Instant fetchedAt) {
    return at.filter(t -> !t.isAfter(fetchedAt))
        .map(t -> new Published(t, Published.Provenance.FEED, 1.0))
        .orElse(Published.firstSeen(fetchedAt));
  }

  /** The canonical form of an absolute http(s) URL, else null. */
  static CanonicalUrl url(String url) {
    return CANONICALIZER.canonicalize(url).orElse(null);
  }

  /** As {@link #url(String)} for a URL relative to {@code base}. */
  static CanonicalUrl url(String url, String base) {
    return CANONICALIZER.canonicalize(url, base).orElse(null);
  }

  /** Plain text of an HTML field; empty for null. */
  static String html(String html) {
    return HtmlText.fromHtml(html);
  }

  /** Plain text with white space normalised and paragraphs kept; empty for null. */
  static String plain(String text) {
    return text == null ? "" : HtmlText.normalise(text);
  }

  /** A language tag as the source states it ({@code en}, {@code pt-BR}), else null. */
  static String language(String tag) {
    if (tag == null || !LANGUAGE.matcher(tag.strip()).matches()) {
      return null;
    }
    String t = tag.strip();
    int dash = t.indexOf('-');
    return dash < 0
        ? t.toLowerCase(Locale.ROOT)
        : t.substring(0, dash).toLowerCase(Locale.ROOT) + t.substring(dash);
  }
}
