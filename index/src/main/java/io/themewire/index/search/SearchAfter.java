package io.themewire.index.search;

import java.util.Objects;

/**
 * Where a page of hits ended, to continue after it (Lucene's {@code searchAfter}): the sort values
 * of the page's last hit. The API hands it to clients only signed and encoded, so clients cannot
 * forge one.
 *
 * @param sort the order of the search it came from
 * @param score the last hit's score ({@link SearchRequest.Sort#RELEVANCE}), else 0
 * @param published the last hit's publication time in epoch milliseconds ({@link
 *     SearchRequest.Sort#NEWEST}), else 0
 * @param id the last hit's id: the tie-breaker
 */
public record SearchAfter(SearchRequest.Sort sort, float score, long published, String id) {
  public SearchAfter {
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(id, "id");
  }
}
