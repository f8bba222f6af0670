package io.themewire.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One calendar day in the briefing's time zone, as the half-open interval of instants {@code
 * [start, end)} that belong to it. A day is not always 24 hours: on a daylight-saving change it has
 * 23 or 25, and the window follows the zone's rules rather than adding a fixed length.
 *
 * @param date the calendar date
 * @param zone the zone the briefing is written for
 */
public record DayWindow(LocalDate date, ZoneId zone) {

  public DayWindow {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(zone, "zone");
  }

  /** The first instant of the day, inclusive. */
  public Instant start() {
    return date.atStartOfDay(zone).toInstant();
  }

  /** The first instant of the next day, exclusive. */
  public Instant end() {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Whether {@code t} falls on this day in this zone. */
  public boolean contains(Instant t) {
    return !t.isBefore(start()) && t.isBefore(end());
  }

  /** The day, in {@code zone}, that {@code t} falls on. */
  public static DayWindow of(Instant t, ZoneId zone) {
    return new DayWindow(t.atZone(zone).toLocalDate(), zone);
  }
}
