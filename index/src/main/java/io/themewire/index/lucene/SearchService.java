package io.themewire.index.lucene;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.RawItem;
import io.themewire.index.search.Discussion;
import io.themewire.index.search.Facet;
import io.themewire.index.search.FacetValue;
import io.themewire.index.search.Histogram;
import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchAfter;
import io.themewire.index.search.SearchHit;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.InPlaceMergeSorter;

/**
 * Search on a read handle: the user query (through the {@link GuardedQueryParser}) AND'ed with the
 * request's filters, sorted by relevance or newest (ties by id, so that a {@link SearchAfter}
 * position continues exactly), each hit with a highlighted snippet and the threads that discuss it;
 * in the same pass an exact total, facet counts and a date histogram. Thread-safe.
 */
final class SearchService {

  /** Threads listed per item at most. */
  static final int MAX_DISCUSSIONS = 10;

  private static final int SNIPPET_CHARS = 180;

  private final Searchers searchers;
  private final Analyzer analyzer;
  private final GuardedQueryParser parser;
  private final FacetStates facetStates = new FacetStates();

  SearchService(Searchers searchers, Analyzer analyzer) {
    this.searchers = searchers;
    this.analyzer = analyzer;
    this.parser = new GuardedQueryParser(analyzer, searchers.limits());
  }

  SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    Query userQuery = parser.parse(request.query());
    Query query = filtered(userQuery, request);
    return searchers.fresh(
        searcher -> {
          Sort sort = sort(request.sort());
          List<CollectorManager<?, ?>> managers = new ArrayList<>();
          // Integer.MAX_VALUE: count every match, so that totals are exact under every sort
          managers.add(
              new TopFieldCollectorManager(
                  sort, request.size(), fieldDoc(request.after()), Integer.MAX_VALUE));
          boolean facets = !request.facets().isEmpty();
          if (facets) {
            managers.add(new FacetsCollectorManager());
          }
          DateBuckets buckets =
              request.histogram() == null
                  ? null
                  : DateBuckets.over(
                      searcher, request.from(), request.to(), request.histogram(), request.zone());
          if (buckets != null) {
            managers.add(buckets.counter());
          }
          Object[] results;
          try {
            results =
                searcher.search(
                    query, new MultiCollectorManager(managers.toArray(new CollectorManager[0])));
          } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryException(
                "too-many-clauses",
                "the query expands to more than "
                    + GuardedQueryParser.MAX_CLAUSES
                    + " terms; narrow it");
          }
          TopFieldDocs top = (TopFieldDocs) results[0];
          int next = 1;
          Map<Facet, List<FacetValue>> facetCounts = Map.of();
          if (facets) {
            facetCounts =
                facetStates.count(
                    searcher.getIndexReader(), (FacetsCollector) results[next++], request.facets());
          }
          Histogram histogram = buckets == null ? null : buckets.histogram((long[]) results[next]);
          QueryScorer scorer = new QueryScorer(userQuery, IndexSchema.TEXT);
          Highlighter highlighter =
              new Highlighter(
                  new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
          highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, SNIPPET_CHARS));
          List<SearchHit> hits = new ArrayList<>();
          for (ScoreDoc sd : top.scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            float score =
                request.sort() == SearchRequest.Sort.RELEVANCE
                    ? (Float) ((FieldDoc) sd).fields[0]
                    : 0f;
            hits.add(
                toHit(
                    d,
                    score,
                    snippet(highlighter, d.get(IndexSchema.TEXT)),
                    discussions(searcher, d.get(IndexSchema.URL))));
          }
          long total = top.totalHits.value;
          SearchAfter after = null;
          if (top.scoreDocs.length == request.size()) {
            FieldDoc last = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
            String id = ((BytesRef) last.fields[1]).utf8ToString();
            after =
                request.sort() == SearchRequest.Sort.RELEVANCE
                    ? new SearchAfter(request.sort(), (Float) last.fields[0], 0, id)
                    : new SearchAfter(request.sort(), 0f, (Long) last.fields[0], id);
          }
          return new SearchResult(
              total, hits, (System.nanoTime() - start) / 1_000_000, facetCounts, histogram, after);
        });
  }

  /** The facet counting state shared by the read services. */
  FacetStates facetStates() {
    return facetStates;
  }

  /** The query of a request: its user query under the guards, AND'ed with its filters. */
  Query query(SearchRequest request) {
    return filtered(parser.parse(request.query()), request);
  }

  /**
   * The global doc ids of every match of {@code query}, oldest first (ties in index order).
   *
   * @throws QueryException {@code too-many-clauses} when the query expands too far
   */
  static int[] matchesOldestFirst(IndexSearcher searcher, Query query) throws IOException {
    DocsByDate docs = new DocsByDate();
    try {
      searcher.search(query, docs);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QueryException(
          "too-many-clauses",
          "the query expands to more than " + GuardedQueryParser.MAX_CLAUSES + " terms; narrow it");
    }
    return docs.sorted();
  }

  /** Gathers matches with their publication times, to hand them out in date order. */
  private static final class DocsByDate extends SimpleCollector {
    private int[] docs = new int[1024];
    private long[] times = new long[1024];
    private int n;
    private int base;
    private NumericDocValues published;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      base = context.docBase;
      published = DocValues.getNumeric(context.reader(), IndexSchema.PUBLISHED);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (n == docs.length) {
        docs = ArrayUtil.grow(docs, n + 1);
        times = ArrayUtil.growExact(times, docs.length);
      }
      docs[n] = base + doc;
      times[n] = published.advanceExact(doc) ? published.longValue() : Long.MIN_VALUE;
      n++;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    int[] sorted() {
      new InPlaceMergeSorter() {
        @Override
        protected int compare(int i, int j) {
          return Long.compare(times[i], times[j]);
        }

        @Override
        protected void swap(int i, int j) {
          int d = docs[i];
          docs[i] = docs[j];
          docs[j] = d;
          long t = times[i];
          times[i] = times[j];
          times[j] = t;
        }
      }.sort(0, n);
      return Arrays.copyOf(docs, n);
    }
  }

  /** The Lucene sort of a request's order; ties broken by id, so that paging is stable. */
  static Sort sort(SearchRequest.Sort order) {
    SortField byId = new SortField(IndexSchema.ID, SortField.Type.STRING);
    return order == SearchRequest.Sort.RELEVANCE
        ? new Sort(SortField.FIELD_SCORE, byId)
        : new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true), byId);
  }

  private static FieldDoc fieldDoc(SearchAfter after) {
    if (after == null) {
      return null;
    }
    Object first =
        after.sort() == SearchRequest.Sort.RELEVANCE
            ? (Object) Float.valueOf(after.score())
            : (Object) Long.valueOf(after.published());
    // doc MAX_VALUE: the hit with this very id compares equal and is skipped
    return new FieldDoc(
        Integer.MAX_VALUE, Float.NaN, new Object[] {first, new BytesRef(after.id())});
  }

  /** {@code userQuery} with the request's theme, source, kind and date filters. */
  static Query filtered(Query userQuery, SearchRequest request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(userQuery, BooleanClause.Occur.MUST);
    addFilter(b, IndexSchema.THEME, lowerOrNull(request.theme()));
    addFilter(b, IndexSchema.SOURCE, request.source());
    addFilter(b, IndexSchema.KIND, lowerOrNull(request.kind()));
    if (request.from() != null || request.to() != null) {
      long lo = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
      long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(IndexSchema.PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static String lowerOrNull(String s) {
    return s == null || s.isBlank() ? null : IndexSchema.lower(s);
  }

  private static void addFilter(BooleanQuery.Builder b, String field, String value) {
    if (value != null && !value.isBlank()) {
      b.add(new TermQuery(new Term(field, value.strip())), BooleanClause.Occur.FILTER);
    }
  }

  private String snippet(Highlighter highlighter, String text) {
    if (text == null) {
      return "";
    }
    try {
      String best = highlighter.getBestFragment(analyzer, IndexSchema.TEXT, text);
      if (best != null) {
        return best.strip();
      }
    } catch (InvalidTokenOffsetsException | IOException | IllegalArgumentException e) {
      // fall through to the lead of the text (an IllegalArgumentException: the highlighter's
      // rewrite of a boosted multi-term query can build a negative boost, found by
      // QueryParserFuzzTest)
    }
    String lead =
        text.length() <= SNIPPET_CHARS
            ? text
            : text.substring(
                    0,
                    text.lastIndexOf(' ', SNIPPET_CHARS) > 0
                        ? text.lastIndexOf(' ', SNIPPET_CHARS)
                        : SNIPPET_CHARS)
                + " …";
    return new SimpleHTMLEncoder().encodeText(lead);
  }

  private static SearchHit toHit(
      Document d, float score, String snippet, List<Discussion> discussions) {
    List<String> themes =
        new ArrayList<>(new LinkedHashSet<>(Arrays.asList(d.getValues(IndexSchema.THEME))));
    ClassifiedItem item = IndexSchema.item(d);
    return new SearchHit(
        d.get(IndexSchema.ID),
        d.get(IndexSchema.URL),
        d.get(IndexSchema.TITLE),
        d.get(IndexSchema.SOURCE),
        d.get(IndexSchema.SOURCE_NAME),
        d.get(IndexSchema.KIND),
        Instant.ofEpochMilli(d.getField(IndexSchema.PUBLISHED).numericValue().longValue()),
        d.get(IndexSchema.PRIMARY),
        themes,
        discussions,
        snippet,
        Float.isNaN(score) ? 0f : score,
        IndexSchema.site(item.item()),
        item.item().author(),
        item.direction(),
        item.item().alsoAt().stream().map(CanonicalUrl::value).toList(),
        item.confidence(),
        item.uncertain());
  }

  /** The thread stories discussing {@code url}, most points first; none when url is null. */
  static List<Discussion> discussions(IndexSearcher searcher, String url) throws IOException {
    if (url == null) {
      return List.of();
    }
    Query q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexSchema.DISCUSSES, url)), BooleanClause.Occur.FILTER)
            .add(
                new TermQuery(new Term(IndexSchema.THREAD_STORY, "true")),
                BooleanClause.Occur.FILTER)
            .build();
    List<Discussion> out = new ArrayList<>();
    Sort byPoints = new Sort(new SortField(IndexSchema.POINTS, SortField.Type.LONG, true));
    for (ScoreDoc sd : searcher.search(q, MAX_DISCUSSIONS, byPoints).scoreDocs) {
      RawItem story = IndexSchema.item(searcher.storedFields().document(sd.doc)).item();
      out.add(
          new Discussion(
              story.id().value(),
              story.url() == null ? null : story.url().value(),
              story.title(),
              story.source().id(),
              story.source().name(),
              story.engagement() == null ? null : story.engagement().points(),
              story.engagement() == null ? null : story.engagement().comments()));
    }
    return out;
  }
}
