package io.themewire.index.lucene;

import io.themewire.index.search.Facet;
import io.themewire.index.search.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.IndexReader;

/**
 * Facet counting with Lucene's facet module over the sorted-set doc values of theme, source and
 * kind ({@link StringValueFacetCounts}). The per-reader ordinal maps are built once per reader
 * (after each refresh) and reused by every request on it. Thread-safe.
 */
final class FacetStates {

  /** Values listed per facet at most (most frequent first). */
  static final int MAX_VALUES = 200;

  private record Cached(IndexReader.CacheKey key, Map<Facet, StringDocValuesReaderState> states) {}

  private volatile Cached cached;

  /** Exact counts of the hits {@code fc} collected, per facet in {@code wanted}. */
  Map<Facet, List<FacetValue>> count(IndexReader reader, FacetsCollector fc, Iterable<Facet> wanted)
      throws IOException {
    Map<Facet, StringDocValuesReaderState> states = states(reader);
    Map<Facet, List<FacetValue>> out = new EnumMap<>(Facet.class);
    for (Facet f : wanted) {
      StringValueFacetCounts counts = new StringValueFacetCounts(states.get(f), fc);
      FacetResult r = counts.getTopChildren(MAX_VALUES, field(f));
      List<FacetValue> values = new ArrayList<>();
      if (r != null) {
        for (LabelAndValue lv : r.labelValues) {
          values.add(new FacetValue(lv.label, lv.value.longValue()));
        }
      }
      out.put(f, values);
    }
    return out;
  }

  private Map<Facet, StringDocValuesReaderState> states(IndexReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    IndexReader.CacheKey key = helper == null ? null : helper.getKey();
    Cached c = cached;
    if (c != null && key != null && c.key() == key) {
      return c.states();
    }
    Map<Facet, StringDocValuesReaderState> states = new EnumMap<>(Facet.class);
    for (Facet f : Facet.values()) {
      states.put(f, new StringDocValuesReaderState(reader, field(f)));
    }
    if (key != null) {
      cached = new Cached(key, states);
    }
    return states;
  }

  static String field(Facet f) {
    return switch (f) {
      case THEME -> IndexSchema.THEME;
      case SOURCE -> IndexSchema.SOURCE;
      case KIND -> IndexSchema.KIND;
    };
  }
}
