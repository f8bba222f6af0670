package io.themewire.index.search;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Matches counted by publication date.
 *
 * @param interval bucket width
 * @param zone the time zone whose calendar days the buckets follow
 * @param buckets every bucket from the first to the last, in order, empty ones included; their
 *     counts add up to the matches
 */
public record Histogram(Interval interval, ZoneId zone, List<Bucket> buckets) {

  public Histogram {
    buckets = List.copyOf(buckets);
  }

  /**
   * One bucket.
   *
   * @param date its first day, in {@link Histogram#zone()}
   * @param count exact number of matches published in it
   */
  public record Bucket(LocalDate date, long count) {}
}
