package io.themewire.index.lucene;

import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SignificantTerm;
import io.themewire.index.search.SignificantTerms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Significant terms: words and two-word phrases more frequent in a foreground (the matches of a
 * filter) than in the rest of the corpus, scored with JLH (Lucene/Elasticsearch's default measure:
 * absolute times relative change in document frequency). Foreground counts come from the term
 * vectors of up to {@link SignificantTerms#MAX_SAMPLE} foreground items (an even sample when there
 * are more), background counts from the index's document frequencies. A term must occur in at least
 * {@value #MIN_DOCS} sampled items of at least two sources (unless the foreground has one source
 * only): a site's own boilerplate, repeated in every item it publishes, is not a topic.
 * Thread-safe.
 */
final class TermsService {

  /** Terms returned at most. */
  static final int MAX_SIZE = 100;

  /** Sampled foreground items a term must occur in. */
  static final int MIN_DOCS = 3;

  private final Searchers searchers;
  private final SearchService search;

  TermsService(Searchers searchers, SearchService search) {
    this.searchers = searchers;
    this.search = search;
  }

  SignificantTerms terms(SearchRequest filter, int size) throws IOException {
    Query query = search.query(filter);
    return searchers.fresh(
        searcher -> terms(searcher, query, Math.max(1, Math.min(MAX_SIZE, size))));
  }

  /** The significant terms of the matches of {@code query} on {@code searcher}. */
  static SignificantTerms terms(IndexSearcher searcher, Query query, int size) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    int[] docs = matches(searcher, query);
    long fg = docs.length;
    long bg = reader.numDocs() - fg;
    int[] sample = sample(docs, SignificantTerms.MAX_SAMPLE);
    Map<String, int[]> df = new HashMap<>(); // term -> {sampled docs, first source, two sources?}
    Map<String, Integer> sourceIds = new HashMap<>();
    TermVectors vectors = reader.termVectors();
    List<LeafReaderContext> leaves = reader.leaves();
    int leaf = -1;
    LeafReaderContext context = null;
    SortedSetDocValues sources = null;
    for (int doc : sample) { // in index order: the source from doc values, leaf by leaf
      while (context == null || doc >= context.docBase + context.reader().maxDoc()) {
        context = leaves.get(++leaf);
        sources = DocValues.getSortedSet(context.reader(), IndexSchema.SOURCE);
      }
      String src =
          sources.advanceExact(doc - context.docBase)
              ? sources.lookupOrd(sources.nextOrd()).utf8ToString()
              : "";
      int source = sourceIds.computeIfAbsent(src, k -> sourceIds.size());
      org.apache.lucene.index.Terms tv = vectors.get(doc, IndexSchema.TERMS);
      if (tv == null) {
        continue;
      }
      TermsEnum te = tv.iterator();
      BytesRef t;
      while ((t = te.next()) != null) {
        int[] c = df.computeIfAbsent(t.utf8ToString(), k -> new int[] {0, source, 0});
        c[0]++;
        if (c[1] != source) {
          c[2] = 1;
        }
      }
    }
    boolean oneSource = sourceIds.size() <= 1;
    List<SignificantTerm> out = new ArrayList<>();
    if (fg > 0 && bg > 0) {
      double scale = (double) fg / Math.max(1, sample.length);
      for (Map.Entry<String, int[]> e : df.entrySet()) {
        int[] c = e.getValue();
        if (c[0] < MIN_DOCS || (!oneSource && c[2] == 0)) {
          continue;
        }
        long fgDocs = Math.round(c[0] * scale);
        long all = reader.docFreq(new Term(IndexSchema.TERMS, e.getKey()));
        long bgDocs = Math.max(0, all - fgDocs);
        double fgPct = (double) fgDocs / fg;
        double bgPct = (bgDocs + 1.0) / (bg + 1.0);
        if (fgPct <= bgPct) {
          continue;
        }
        double score = (fgPct - bgPct) * (fgPct / bgPct);
        out.add(new SignificantTerm(e.getKey(), score, fgDocs, bgDocs));
      }
    }
    out.sort(
        Comparator.comparingDouble(SignificantTerm::score)
            .reversed()
            .thenComparing(SignificantTerm::term));
    return new SignificantTerms(
        "jlh", fg, bg, sample.length, out.subList(0, Math.min(size, out.size())));
  }

  /** The global doc ids of every match, in index order. */
  static int[] matches(IndexSearcher searcher, Query query) throws IOException {
    final class Docs extends SimpleCollector {
      int[] docs = new int[256];
      int n;
      int base;

      @Override
      protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
        base = context.docBase;
      }

      @Override
      public void collect(int doc) {
        docs = ArrayUtil.grow(docs, n + 1);
        docs[n++] = base + doc;
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    }
    Docs c = new Docs();
    try {
      searcher.search(query, c);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QueryException(
          "too-many-clauses",
          "the query expands to more than " + GuardedQueryParser.MAX_CLAUSES + " terms; narrow it");
    }
    return java.util.Arrays.copyOf(c.docs, c.n);
  }

  /** All of {@code docs} up to {@code max}, else {@code max} of them evenly spread. */
  static int[] sample(int[] docs, int max) {
    if (docs.length <= max) {
      return docs;
    }
    int[] out = new int[max];
    for (int i = 0; i < max; i++) {
      out[i] = docs[(int) ((long) i * docs.length / max)];
    }
    return out;
  }
}
