package io.themewire.index.search;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total how many items match in all
 * @param hits the best {@code size} of them, in order
 * @param tookMs time spent searching, milliseconds
 */
public record SearchResult(long total, List<SearchHit> hits, long tookMs) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
