package io.themewire.index.search;

import java.time.Instant;
import java.util.Objects;

/**
 * A search.
 *
 * @param query Lucene query syntax over title and text (fields {@code title:}, {@code text:},
 *     {@code source:}, {@code kind:}, {@code theme:}, {@code primary:} may be named); blank matches
 *     everything
 * @param theme only items carrying this theme (primary or secondary), or null
 * @param source only items of this source id, or null
 * @param kind only items of this kind ({@code feed}, {@code article}, ...), or null
 * @param from only items published at or after this instant, or null
 * @param to only items published before this instant, or null
 * @param sort {@code relevance} (default) or {@code date} (newest first)
 * @param size hits wanted, 1 to {@link #MAX_SIZE}; larger values are clamped
 */
public record SearchRequest(
    String query,
    String theme,
    String source,
    String kind,
    Instant from,
    Instant to,
    Sort sort,
    int size) {

  public static final int DEFAULT_SIZE = 10;

  /** See {@link QueryLimits#maxSize()}. */
  public static final int MAX_SIZE = QueryLimits.DEFAULT_MAX_SIZE;

  /** Result order. */
  public enum Sort {
    RELEVANCE,
    DATE
  }

  public SearchRequest {
    query = query == null ? "" : query;
    sort = Objects.requireNonNullElse(sort, Sort.RELEVANCE);
    size = Math.max(1, Math.min(MAX_SIZE, size));
  }

  /** A plain search for {@code query} with default size and no filters. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, null, null, Sort.RELEVANCE, DEFAULT_SIZE);
  }
}
