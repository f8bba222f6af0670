package io.themewire.index.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Item counts over time, per theme or for one query, with spikes flagged and explained.
 *
 * @param interval bucket width
 * @param zone the time zone of the buckets
 * @param from start of the first bucket
 * @param to end of the last bucket (exclusive)
 * @param series one per theme (or one for the query)
 */
public record Trends(
    Interval interval, ZoneId zone, Instant from, Instant to, List<Series> series) {

  public Trends {
    series = List.copyOf(series);
  }

  /**
   * The counts of one theme, or of the request's query when {@code theme} is null.
   *
   * @param theme the theme id, or null for a query's series
   * @param points one per bucket, in order, empty buckets included
   */
  public record Series(String theme, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }

    /** The points flagged as spikes. */
    public List<Point> spikes() {
      return points.stream().filter(p -> p.spike() != null).toList();
    }
  }

  /**
   * One bucket.
   *
   * @param date its first day
   * @param count exact number of matching items published in it
   * @param spike why this bucket is a spike, or null when it is not one
   */
  public record Point(LocalDate date, long count, Spike spike) {}

  /**
   * A bucket well above its baseline: for days, the same weekday of the previous weeks (a Monday
   * against Mondays, never against a weekend); for weeks, the previous weeks.
   *
   * @param score how many spreads (the larger of the Poisson deviation √baseline and the scaled
   *     median absolute deviation of the baseline buckets) the count lies above the baseline
   * @param baseline the median count of the baseline buckets
   * @param topItems the items most typical of the spike (best matches for its significant terms)
   * @param topSources the sources with most items in the bucket
   * @param terms the bucket's significant terms against the rest of the corpus
   */
  public record Spike(
      double score,
      double baseline,
      List<ItemRef> topItems,
      List<FacetValue> topSources,
      List<SignificantTerm> terms) {
    public Spike {
      topItems = List.copyOf(topItems);
      topSources = List.copyOf(topSources);
      terms = List.copyOf(terms);
    }
  }

  /** An item named in an explanation. */
  public record ItemRef(String id, String title, String url) {}
}
