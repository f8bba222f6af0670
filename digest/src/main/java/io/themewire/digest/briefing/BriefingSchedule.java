package io.themewire.digest.briefing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When the daily briefing is written: every day at {@code time} in {@code zone}, the briefing of
 * the day before (a finished day, so it will not change). Defaults: {@value #DEFAULT_TIME} in
 * {@value #DEFAULT_ZONE}. On a daylight-saving change a time that does not exist that day (02:30
 * when clocks jump from 02:00 to 03:00) runs at the same offset after the gap, as {@link
 * ZonedDateTime#of} resolves it; a time that exists twice runs at its first occurrence.
 *
 * @param time the local time of day to write at
 * @param zone the zone of that time, and of the day windows the briefing covers
 */
public record BriefingSchedule(LocalTime time, ZoneId zone) {

  public static final String DEFAULT_TIME = "07:00";
  public static final String DEFAULT_ZONE = "UTC";

  public BriefingSchedule {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
  }

  /** 07:00 UTC. */
  public static BriefingSchedule defaults() {
    return new BriefingSchedule(LocalTime.parse(DEFAULT_TIME), ZoneId.of(DEFAULT_ZONE));
  }

  /** The moment of the run on {@code date}. */
  public Instant runOn(LocalDate date) {
    return ZonedDateTime.of(date, time, zone).toInstant();
  }

  /** The first run strictly after {@code now}. */
  public Instant nextRun(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    for (LocalDate d = today.minusDays(1); ; d = d.plusDays(1)) {
      Instant run = runOn(d);
      if (run.isAfter(now)) {
        return run;
      }
    }
  }

  /**
   * The date whose briefing is due at {@code now}: the day before the latest run at or before
   * {@code now}.
   */
  public LocalDate dueDate(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate runDay = runOn(today).isAfter(now) ? today.minusDays(1) : today;
    return runDay.minusDays(1);
  }
}
