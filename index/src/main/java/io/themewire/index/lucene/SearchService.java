package io.themewire.index.lucene;

import io.themewire.core.message.RawItem;
import io.themewire.index.search.Discussion;
import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchHit;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

/**
 * Search on a read handle: the user query (through the {@link GuardedQueryParser}) AND'ed with the
 * request's filters, sorted by relevance or date, each hit with a highlighted snippet and the
 * threads that discuss it. Thread-safe.
 */
final class SearchService {

  /** Threads listed per item at most. */
  static final int MAX_DISCUSSIONS = 10;

  private static final int SNIPPET_CHARS = 180;

  private final Searchers searchers;
  private final Analyzer analyzer;
  private final GuardedQueryParser parser;

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
          TopDocs top;
          try {
            top =
                request.sort() == SearchRequest.Sort.DATE
                    ? searcher.search(
                        query,
                        request.size(),
                        new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true)),
                        true)
                    : searcher.search(query, request.size());
          } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryException(
                "too-many-clauses",
                "the query expands to more than "
                    + GuardedQueryParser.MAX_CLAUSES
                    + " terms; narrow it");
          }
          QueryScorer scorer = new QueryScorer(userQuery, IndexSchema.TEXT);
          Highlighter highlighter =
              new Highlighter(
                  new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
          highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, SNIPPET_CHARS));
          List<SearchHit> hits = new ArrayList<>();
          for (ScoreDoc sd : top.scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            hits.add(
                toHit(
                    d,
                    sd.score,
                    snippet(highlighter, d.get(IndexSchema.TEXT)),
                    discussions(searcher, d.get(IndexSchema.URL))));
          }
          return new SearchResult(
              top.totalHits.value, hits, (System.nanoTime() - start) / 1_000_000);
        });
  }

  /** {@code userQuery} with the request's theme, source, kind and date filters. */
  static Query filtered(Query userQuery, SearchRequest request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(userQuery, BooleanClause.Occur.MUST);
    addFilter(b, IndexSchema.THEME, request.theme());
    addFilter(b, IndexSchema.SOURCE, request.source());
    addFilter(b, IndexSchema.KIND, request.kind());
    if (request.from() != null || request.to() != null) {
      long lo = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
      long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(IndexSchema.PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
    }
    return b.build();
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
    } catch (InvalidTokenOffsetsException | IOException e) {
      // fall through to the lead of the text
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
        Float.isNaN(score) ? 0f : score);
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
