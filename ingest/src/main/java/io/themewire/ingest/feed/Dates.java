package io.themewire.ingest.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Dates in the forms feeds and pages use — RFC 3339 / ISO 8601 with or without offset, date only,
 * RFC 822 / 1123 with numeric or named zones ({@code EDT}, {@code GMT}) and with or without the
 * weekday — read as UTC instants. A date without a zone is taken as UTC. Thread-safe.
 */
public final class Dates {

  private static final Map<String, String> ZONES =
      Map.ofEntries(
          Map.entry("UT", "+0000"),
          Map.entry("UTC", "+0000"),
          Map.entry("GMT", "+0000"),
          Map.entry("Z", "+0000"),
          Map.entry("EST", "-0500"),
          Map.entry("EDT", "-0400"),
          Map.entry("CST", "-0600"),
          Map.entry("CDT", "-0500"),
          Map.entry("MST", "-0700"),
          Map.entry("MDT", "-0600"),
          Map.entry("PST", "-0800"),
          Map.entry("PDT", "-0700"),
          Map.entry("BST", "+0100"),
          Map.entry("CET", "+0100"),
          Map.entry("CEST", "+0200"),
          Map.entry("IST", "+0530"),
          Map.entry("JST", "+0900"),
          Map.entry("AEST", "+1000"));

  private static final DateTimeFormatter RFC_822 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .parseLenient()
          .optionalStart()
          .appendPattern("EEE, ")
          .optionalEnd()
          .appendPattern("d MMM ")
          .appendValueReduced(ChronoField.YEAR, 2, 4, 1970)
          .appendPattern(" H:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalEnd()
          .appendPattern(" xx")
          .toFormatter(Locale.ENGLISH);

  private static final List<DateTimeFormatter> LOCAL =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE_TIME,
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT));

  private Dates() {}

  /** The instant the text names, or empty when it is not a date this reader knows. */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.isEmpty() || s.length() > 64) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return Optional.of(ZonedDateTime.parse(s).toInstant());
    } catch (DateTimeParseException ignored) {
      // next form
    }
    String iso = s.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2");
    try {
      return Optional.of(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeParseException ignored) {
      // next form
    }
    for (DateTimeFormatter f : LOCAL) {
      try {
        return Optional.of(LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    try {
      return Optional.of(
          LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s)
              .atStartOfDay()
              .toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException ignored) {
      // next form
    }
    return rfc822(s);
  }

  private static Optional<Instant> rfc822(String s) {
    String t = s.replaceAll("\\s+", " ");
    int lastSpace = t.lastIndexOf(' ');
    if (lastSpace < 0) {
      return Optional.empty();
    }
    String zone = t.substring(lastSpace + 1);
    String numeric = ZONES.get(zone.toUpperCase(Locale.ROOT));
    if (numeric != null) {
      t = t.substring(0, lastSpace + 1) + numeric;
    } else if (!zone.matches("[+-]\\d{4}")) {
      t = t + " +0000";
    }
    try {
      return Optional.of(ZonedDateTime.parse(t, RFC_822).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
