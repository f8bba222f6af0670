package io.themewire.index.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total how many items match in all: an exact count, whatever the sort or page
 * @param hits the best {@code size} of them after the request's position, in order
 * @param tookMs time spent searching, milliseconds
 * @param facets exact counts of matches per value of each requested facet, most first (empty when
 *     none were asked for)
 * @param histogram matches per date bucket, or null when not asked for
 * @param next the position after the last hit, or null when this page holds the last match
 */
public record SearchResult(
    long total,
    List<SearchHit> hits,
    long tookMs,
    Map<Facet, List<FacetValue>> facets,
    Histogram histogram,
    SearchAfter next) {

  public SearchResult {
    hits = List.copyOf(hits);
    facets = facets == null ? Map.of() : Map.copyOf(facets);
  }

  /** A result without facets, histogram or next position. */
  public SearchResult(long total, List<SearchHit> hits, long tookMs) {
    this(total, hits, tookMs, Map.of(), null, null);
  }
}
