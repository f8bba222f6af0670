package io.themewire.index.lucene;

import io.themewire.index.search.Facet;
import io.themewire.index.search.FacetValue;
import io.themewire.index.search.Interval;
import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SignificantTerm;
import io.themewire.index.search.Trends;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Trends: matches counted per day or week, per theme (one pass over the matches reading the
 * publication-time and theme doc values), each bucket tested against a weekday-aware baseline and
 * the spikes explained by their top items, sources and significant terms. Thread-safe.
 *
 * <p>The baseline of a day is the median of the same weekday in the {@value #HISTORY} weeks before
 * it (of a week: the {@value #HISTORY} weeks before it), counting only buckets after the index's
 * first item, and at least {@value #MIN_HISTORY} of them. A bucket is a spike when its count is at
 * least {@value #MIN_SCORE} spreads above the baseline, at least {@value #MIN_RATIO} times it and
 * at least {@value #MIN_EXCESS} items more; the spread is the larger of √baseline (Poisson noise),
 * the scaled median absolute deviation of the baseline buckets, and 1. A steady weekly rhythm
 * (quiet weekends) is therefore no spike, and a doubling of a weekday of a few dozen items is.
 */
final class TrendService {

  static final int HISTORY = 8;
  static final int MIN_HISTORY = 4;
  static final double MIN_SCORE = 4.0;
  static final double MIN_RATIO = 1.5;
  static final int MIN_EXCESS = 5;

  /** Explanation sizes. */
  static final int TOP_ITEMS = 5;

  static final int TOP_SOURCES = 5;
  static final int TOP_TERMS = 10;

  /** Series (themes) at most. */
  static final int MAX_SERIES = 100;

  private final Searchers searchers;
  private final SearchService search;

  TrendService(Searchers searchers, SearchService search) {
    this.searchers = searchers;
    this.search = search;
  }

  /**
   * The trends of {@code filter}'s matches: one series per theme when it names neither theme nor
   * query, else one series. Its {@code from}/{@code to} are clipped to the index's dates.
   */
  Trends trends(SearchRequest filter, Interval interval) throws IOException {
    search.query(filter); // refuses a bad query before any work
    return searchers.fresh(searcher -> trends(searcher, filter, interval));
  }

  private Trends trends(IndexSearcher searcher, SearchRequest filter, Interval interval)
      throws IOException {
    DateBuckets shown =
        DateBuckets.over(searcher, filter.from(), filter.to(), interval, filter.zone());
    if (shown.size() == 0) {
      Instant at = filter.from() == null ? Instant.EPOCH : filter.from();
      return new Trends(
          interval, filter.zone(), at, filter.to() == null ? at : filter.to(), List.of());
    }
    int step = interval == Interval.DAY ? 7 : 1;
    int offset = step * HISTORY;
    DateBuckets all =
        DateBuckets.of(
            interval == Interval.DAY
                ? shown.day(0).minusDays(offset).atStartOfDay(filter.zone()).toInstant()
                : shown.day(0).minusWeeks(offset).atStartOfDay(filter.zone()).toInstant(),
            shown.end(shown.size() - 1),
            interval,
            filter.zone());
    boolean perTheme = filter.theme() == null && filter.query().isBlank();
    List<String> themes =
        perTheme
            ? themes(searcher)
            : List.of(filter.theme() == null ? "" : IndexSchema.lower(filter.theme()));
    Query query = search.query(filter.between(all.start(0), all.end(all.size() - 1)));
    long[][] counts = new long[themes.size()][all.size()];
    try {
      searcher.search(query, new SeriesCounter(all, perTheme ? themes : null, counts));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QueryException(
          "too-many-clauses",
          "the query expands to more than " + GuardedQueryParser.MAX_CLAUSES + " terms; narrow it");
    }
    int firstValid = firstBucketWithData(searcher, all);
    List<Trends.Series> series = new ArrayList<>();
    for (int s = 0; s < themes.size(); s++) {
      List<Trends.Point> points = new ArrayList<>();
      for (int i = 0; i < shown.size(); i++) {
        int j = i + offset;
        Trends.Spike spike = null;
        double[] test = spikeTest(counts[s], j, step, firstValid);
        if (test != null) {
          SearchRequest fg =
              (perTheme ? filter.withTheme(themes.get(s)) : filter)
                  .between(all.start(j), all.end(j));
          spike = explain(searcher, fg, test[0], test[1]);
        }
        points.add(new Trends.Point(shown.day(i), counts[s][j], spike));
      }
      series.add(
          new Trends.Series(perTheme || filter.theme() != null ? themes.get(s) : null, points));
    }
    return new Trends(interval, filter.zone(), shown.start(0), shown.end(shown.size() - 1), series);
  }

  /**
   * {score, baseline} when bucket {@code j} of {@code counts} is a spike against the buckets {@code
   * step}, 2×{@code step}, ... before it, else null.
   */
  static double[] spikeTest(long[] counts, int j, int step, int firstValid) {
    double[] history = new double[HISTORY];
    int n = 0;
    for (int k = 1; k <= HISTORY; k++) {
      int h = j - k * step;
      if (h >= firstValid && h >= 0) {
        history[n++] = counts[h];
      }
    }
    if (n < MIN_HISTORY) {
      return null;
    }
    double[] hist = Arrays.copyOf(history, n);
    double baseline = median(hist);
    double[] dev = new double[n];
    for (int i = 0; i < n; i++) {
      dev[i] = Math.abs(hist[i] - baseline);
    }
    double spread = Math.max(Math.max(Math.sqrt(baseline), 1.4826 * median(dev)), 1.0);
    double count = counts[j];
    double score = (count - baseline) / spread;
    if (score >= MIN_SCORE && count >= MIN_RATIO * baseline && count - baseline >= MIN_EXCESS) {
      return new double[] {score, baseline};
    }
    return null;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  /** The first bucket at or after the index's earliest item: earlier ones are no history. */
  private static int firstBucketWithData(IndexSearcher searcher, DateBuckets all)
      throws IOException {
    byte[] min = PointValues.getMinPackedValue(searcher.getIndexReader(), IndexSchema.PUBLISHED);
    if (min == null) {
      return Integer.MAX_VALUE;
    }
    long first = LongPoint.decodeDimension(min, 0);
    int b = all.bucketOf(first);
    if (b >= 0) {
      return b;
    }
    return first < all.start(0).toEpochMilli() ? 0 : Integer.MAX_VALUE;
  }

  private Trends.Spike explain(IndexSearcher searcher, SearchRequest fg, double score, double base)
      throws IOException {
    Query fgQuery = search.query(fg);
    List<SignificantTerm> terms = TermsService.terms(searcher, fgQuery, TOP_TERMS).terms();
    FacetsCollector fc = searcher.search(fgQuery, new FacetsCollectorManager());
    Map<Facet, List<FacetValue>> facets =
        search.facetStates().count(searcher.getIndexReader(), fc, EnumSet.of(Facet.SOURCE));
    List<FacetValue> sources = facets.getOrDefault(Facet.SOURCE, List.of());
    BooleanQuery.Builder about = new BooleanQuery.Builder();
    for (SignificantTerm t : terms) {
      about.add(new TermQuery(new Term(IndexSchema.TERMS, t.term())), BooleanClause.Occur.SHOULD);
    }
    Query typical =
        terms.isEmpty()
            ? fgQuery
            : new BooleanQuery.Builder()
                .add(fgQuery, BooleanClause.Occur.FILTER)
                .add(about.build(), BooleanClause.Occur.MUST)
                .build();
    ScoreDoc[] top =
        terms.isEmpty()
            ? searcher.search(
                    typical,
                    TOP_ITEMS,
                    new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true)))
                .scoreDocs
            : searcher.search(typical, TOP_ITEMS).scoreDocs;
    List<Trends.ItemRef> items = new ArrayList<>();
    for (ScoreDoc sd : top) {
      var d =
          searcher
              .storedFields()
              .document(
                  sd.doc, java.util.Set.of(IndexSchema.ID, IndexSchema.TITLE, IndexSchema.URL));
      items.add(
          new Trends.ItemRef(
              d.get(IndexSchema.ID), d.get(IndexSchema.TITLE), d.get(IndexSchema.URL)));
    }
    return new Trends.Spike(
        Math.round(score * 100) / 100.0,
        base,
        items,
        sources.subList(0, Math.min(TOP_SOURCES, sources.size())),
        terms);
  }

  /** Every theme id in the index, sorted. */
  private static List<String> themes(IndexSearcher searcher) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    org.apache.lucene.index.Terms terms =
        MultiTerms.getTerms(searcher.getIndexReader(), IndexSchema.THEME);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      BytesRef t;
      while ((t = te.next()) != null && out.size() < MAX_SERIES) {
        out.add(t.utf8ToString());
      }
    }
    return List.copyOf(out);
  }

  /** Counts matches per (series, bucket); series by theme doc values, or all in series 0. */
  private static final class SeriesCounter extends SimpleCollector {
    private final DateBuckets buckets;
    private final List<String> themes;
    private final long[][] counts;
    private NumericDocValues published;
    private SortedSetDocValues themeValues;
    private int[] seriesOfOrd;

    SeriesCounter(DateBuckets buckets, List<String> themes, long[][] counts) {
      this.buckets = buckets;
      this.themes = themes;
      this.counts = counts;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      published = DocValues.getNumeric(context.reader(), IndexSchema.PUBLISHED);
      if (themes != null) {
        themeValues = DocValues.getSortedSet(context.reader(), IndexSchema.THEME);
        seriesOfOrd = new int[(int) themeValues.getValueCount()];
        for (int ord = 0; ord < seriesOfOrd.length; ord++) {
          seriesOfOrd[ord] = themes.indexOf(themeValues.lookupOrd(ord).utf8ToString());
        }
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      if (!published.advanceExact(doc)) {
        return;
      }
      int b = buckets.bucketOf(published.longValue());
      if (b < 0) {
        return;
      }
      if (themes == null) {
        counts[0][b]++;
        return;
      }
      if (themeValues.advanceExact(doc)) {
        for (int i = 0; i < themeValues.docValueCount(); i++) {
          int s = seriesOfOrd[(int) themeValues.nextOrd()];
          if (s >= 0) {
            counts[s][b]++;
          }
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
