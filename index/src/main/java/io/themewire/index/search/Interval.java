package io.themewire.index.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The width of a date bucket. Weeks start on Monday (ISO 8601). */
public enum Interval {
  DAY,
  WEEK;

  /** The lower-case name used in requests and responses. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The first day of the bucket holding {@code day}. */
  public LocalDate start(LocalDate day) {
    return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The first day of the bucket after the one starting on {@code start}. */
  public LocalDate next(LocalDate start) {
    return this == DAY ? start.plusDays(1) : start.plusWeeks(1);
  }

  /**
   * The interval named {@code id} (any case).
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Interval fromId(String id) {
    try {
      return valueOf(id.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown interval '" + id + "'", e);
    }
  }
}
