package io.themewire.ingest.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in the forms feeds and pages use, read as UTC instants. Thread-safe.
 *
 * <ul>
 *   <li>RFC 3339 / ISO 8601: {@code 2026-11-02T09:15:00Z}, with or without seconds, fractional
 *       seconds, an offset with or without its colon ({@code +02:00}, {@code +0200}, {@code +02}),
 *       {@code T} or a space between date and time, a zone id in brackets; a date alone is midnight
 *       UTC.
 *   <li>RFC 822 / 1123 / 2822: {@code Mon, 02 Nov 2026 09:15:00 EDT}, with or without the weekday
 *       (in any language, and not checked against the date), with or without seconds, two- or
 *       four-digit years (two-digit {@code 00}..{@code 49} are 2000..2049, {@code 50}..{@code 99}
 *       1950..1999), full month names, numeric offsets with or without colon, and the named zones
 *       {@code UT}, {@code GMT}, {@code Z}, the North American and common European and Asian
 *       abbreviations; military one-letter zones are read as UTC, as RFC 2822 advises.
 * </ul>
 *
 * <p>A date without a zone is taken as UTC. Text longer than 64 characters is not a date.
 */
public final class Dates {

  private static final Map<String, String> ZONES = zones();

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ]\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?"
              + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?");

  private static final Pattern WEEKDAY = Pattern.compile("^\\p{L}+\\.?,\\s*");
  private static final Pattern ENGLISH_WEEKDAY =
      Pattern.compile("(?i)^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?\\s+");
  private static final Pattern MONTH =
      Pattern.compile("(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?=\\s)");
  private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");
  private static final Pattern DATE_ONLY = Pattern.compile("\\d{1,2} \\p{L}{3} \\d{2,4}");

  private static final DateTimeFormatter RFC_822 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .parseLenient()
          .appendPattern("d MMM ")
          .appendValueReduced(ChronoField.YEAR, 2, 4, 1950)
          .appendPattern(" H:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalEnd()
          .appendPattern(" xx")
          .toFormatter(Locale.ENGLISH);

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
    if (s.length() >= 10 && Character.isDigit(s.charAt(0))) {
      Optional<Instant> iso = iso(s);
      if (iso.isPresent()) {
        return iso;
      }
    }
    return rfc822(s);
  }

  private static Optional<Instant> iso(String s) {
    Matcher m = ISO.matcher(s);
    if (m.matches()) {
      try {
        LocalDate date =
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
          return Optional.of(date.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        int nanos = 0;
        if (m.group(7) != null) {
          String digits = (m.group(7) + "000000000").substring(0, 9);
          nanos = Integer.parseInt(digits);
        }
        LocalDateTime local =
            date.atTime(
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                nanos);
        ZoneOffset offset =
            m.group(8) == null
                ? ZoneOffset.UTC
                : ZoneOffset.of(m.group(8).toUpperCase(Locale.ROOT));
        return Optional.of(local.toInstant(offset));
      } catch (DateTimeException | NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      // 2026-11-02T09:15:00+01:00[Europe/Paris]
      return Optional.of(ZonedDateTime.parse(s).toInstant());
    } catch (DateTimeException e) {
      // next form
    }
    try {
      // Something after a valid date that is not a time we know: the date is still worth having.
      if (s.length() > 10 && !Character.isDigit(s.charAt(10))) {
        return Optional.of(
            LocalDate.parse(s.substring(0, 10)).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
    } catch (DateTimeException e) {
      // not a date
    }
    return Optional.empty();
  }

  private static Optional<Instant> rfc822(String s) {
    String t = s.replaceAll("\\s+", " ");
    t = t.replaceFirst(" ?\\([^)]*\\)$", "");
    t = WEEKDAY.matcher(t).replaceFirst("");
    t = ENGLISH_WEEKDAY.matcher(t).replaceFirst("");
    t = MONTH.matcher(t).replaceFirst("$1");
    if (DATE_ONLY.matcher(t).matches()) {
      t = t + " 00:00 +0000";
    }
    int lastSpace = t.lastIndexOf(' ');
    if (lastSpace < 0) {
      return Optional.empty();
    }
    String head = t.substring(0, lastSpace + 1);
    String zone = t.substring(lastSpace + 1).toUpperCase(Locale.ROOT);
    String offset = offset(zone);
    if (offset != null) {
      t = head + offset;
    } else if (TIME.matcher(zone).matches()) {
      t = t + " +0000";
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(ZonedDateTime.parse(t, RFC_822).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The zone as {@code +hhmm}, or null when it is not one. */
  private static String offset(String zone) {
    String named = ZONES.get(zone);
    if (named != null) {
      return named;
    }
    String z = zone;
    if (z.startsWith("GMT") || z.startsWith("UTC")) {
      z = z.substring(3);
    } else if (z.startsWith("UT")) {
      z = z.substring(2);
    }
    if (z.matches("[+-]\\d{4}")) {
      return z;
    }
    if (z.matches("[+-]\\d{2}:\\d{2}")) {
      return z.substring(0, 3) + z.substring(4);
    }
    if (z.matches("[+-]\\d{2}")) {
      return z + "00";
    }
    if (z.matches("[+-]\\d")) {
      return z.charAt(0) + "0" + z.charAt(1) + "00";
    }
    return null;
  }

  private static Map<String, String> zones() {
    Map<String, String> zones = new HashMap<>();
    // RFC 2822 4.3: the military zones were defined with the wrong sign; read them as UTC.
    for (char c = 'A'; c <= 'Z'; c++) {
      if (c != 'J') {
        zones.put(String.valueOf(c), "+0000");
      }
    }
    String[][] named = {
      {"UT", "+0000"},
      {"UTC", "+0000"},
      {"GMT", "+0000"},
      {"WET", "+0000"},
      {"EST", "-0500"},
      {"EDT", "-0400"},
      {"CST", "-0600"},
      {"CDT", "-0500"},
      {"MST", "-0700"},
      {"MDT", "-0600"},
      {"PST", "-0800"},
      {"PDT", "-0700"},
      {"AKST", "-0900"},
      {"AKDT", "-0800"},
      {"HST", "-1000"},
      {"BST", "+0100"},
      {"IST", "+0530"},
      {"WEST", "+0100"},
      {"CET", "+0100"},
      {"CEST", "+0200"},
      {"MET", "+0100"},
      {"MEST", "+0200"},
      {"EET", "+0200"},
      {"EEST", "+0300"},
      {"MSK", "+0300"},
      {"SGT", "+0800"},
      {"HKT", "+0800"},
      {"JST", "+0900"},
      {"KST", "+0900"},
      {"AEST", "+1000"},
      {"AEDT", "+1100"},
      {"NZST", "+1200"},
      {"NZDT", "+1300"}
    };
    for (String[] z : named) {
      zones.put(z[0], z[1]);
    }
    return Map.copyOf(zones);
  }
}
