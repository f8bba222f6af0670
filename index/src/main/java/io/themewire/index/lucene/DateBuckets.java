package io.themewire.index.lucene;

import io.themewire.index.search.Histogram;
import io.themewire.index.search.Interval;
import io.themewire.index.search.QueryException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Calendar buckets (days or ISO weeks in a time zone) over a time range, and a collector that
 * counts matches per bucket from the publication-time doc values. Bucket starts are computed once
 * per request, so daylight-saving changes are honoured and each document costs a binary search.
 * Immutable; the collectors it makes are not shared between threads.
 */
final class DateBuckets {

  /** Buckets one histogram or trend may have at most (about 27 years of days). */
  static final int MAX_BUCKETS = 10_000;

  private final Interval interval;
  private final ZoneId zone;
  private final List<LocalDate> days;

  /**
   * {@code starts[i]} is the first epoch millisecond of bucket i; the last entry ends the range.
   */
  private final long[] starts;

  private DateBuckets(Interval interval, ZoneId zone, List<LocalDate> days, long[] starts) {
    this.interval = interval;
    this.zone = zone;
    this.days = days;
    this.starts = starts;
  }

  /**
   * Buckets covering {@code [from, to)} clipped to the index's earliest and latest publication
   * times (either bound may be null). No buckets when the index is empty.
   *
   * @throws QueryException {@code too-many-buckets} past {@link #MAX_BUCKETS}
   */
  static DateBuckets over(
      IndexSearcher searcher, Instant from, Instant to, Interval interval, ZoneId zone)
      throws IOException {
    byte[] min = PointValues.getMinPackedValue(searcher.getIndexReader(), IndexSchema.PUBLISHED);
    byte[] max = PointValues.getMaxPackedValue(searcher.getIndexReader(), IndexSchema.PUBLISHED);
    if (min == null || max == null) {
      return new DateBuckets(interval, zone, List.of(), new long[] {0});
    }
    Instant first = Instant.ofEpochMilli(LongPoint.decodeDimension(min, 0));
    Instant end = Instant.ofEpochMilli(LongPoint.decodeDimension(max, 0) + 1);
    Instant lo = from == null || from.isBefore(first) ? first : from;
    Instant hi = to == null || to.isAfter(end) ? end : to;
    return of(lo, hi, interval, zone);
  }

  /** Buckets from the one holding {@code from} to the one holding the instant before {@code to}. */
  static DateBuckets of(Instant from, Instant to, Interval interval, ZoneId zone) {
    if (!to.isAfter(from)) {
      return new DateBuckets(interval, zone, List.of(), new long[] {from.toEpochMilli()});
    }
    LocalDate first = interval.start(LocalDate.ofInstant(from, zone));
    LocalDate last = LocalDate.ofInstant(to.minusMillis(1), zone);
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = interval.next(d)) {
      days.add(d);
      if (days.size() > MAX_BUCKETS) {
        throw new QueryException(
            "too-many-buckets",
            "the time range needs more than "
                + MAX_BUCKETS
                + " "
                + interval.id()
                + " buckets; narrow from/to or use a wider interval");
      }
    }
    long[] starts = new long[days.size() + 1];
    for (int i = 0; i < days.size(); i++) {
      starts[i] = days.get(i).atStartOfDay(zone).toInstant().toEpochMilli();
    }
    starts[days.size()] =
        days.isEmpty()
            ? from.toEpochMilli()
            : interval
                .next(days.get(days.size() - 1))
                .atStartOfDay(zone)
                .toInstant()
                .toEpochMilli();
    return new DateBuckets(interval, zone, List.copyOf(days), starts);
  }

  int size() {
    return days.size();
  }

  LocalDate day(int bucket) {
    return days.get(bucket);
  }

  Instant start(int bucket) {
    return Instant.ofEpochMilli(starts[bucket]);
  }

  Instant end(int bucket) {
    return Instant.ofEpochMilli(starts[bucket + 1]);
  }

  Interval interval() {
    return interval;
  }

  ZoneId zone() {
    return zone;
  }

  /** The bucket holding {@code epochMilli}, or -1 outside the range. */
  int bucketOf(long epochMilli) {
    if (days.isEmpty() || epochMilli < starts[0] || epochMilli >= starts[days.size()]) {
      return -1;
    }
    int i = Arrays.binarySearch(starts, epochMilli);
    return i >= 0 ? i : -i - 2;
  }

  /** The histogram of {@code counts} (one per bucket). */
  Histogram histogram(long[] counts) {
    List<Histogram.Bucket> out = new ArrayList<>(days.size());
    for (int i = 0; i < days.size(); i++) {
      out.add(new Histogram.Bucket(days.get(i), counts[i]));
    }
    return new Histogram(interval, zone, out);
  }

  /** Counts matches per bucket. */
  CollectorManager<Counter, long[]> counter() {
    return new CollectorManager<>() {
      @Override
      public Counter newCollector() {
        return new Counter();
      }

      @Override
      public long[] reduce(Collection<Counter> collectors) {
        long[] sum = new long[days.size()];
        for (Counter c : collectors) {
          for (int i = 0; i < sum.length; i++) {
            sum[i] += c.counts[i];
          }
        }
        return sum;
      }
    };
  }

  /** Counts the documents it sees per bucket of their publication time. */
  final class Counter extends SimpleCollector {
    final long[] counts = new long[days.size()];
    private NumericDocValues published;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      published = DocValues.getNumeric(context.reader(), IndexSchema.PUBLISHED);
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) throws IOException {
      if (published.advanceExact(doc)) {
        int b = bucketOf(published.longValue());
        if (b >= 0) {
          counts[b]++;
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
