package io.themewire.index.search;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A search, or the filter of a scan, trend or terms request.
 *
 * @param query Lucene query syntax over title and text; the fields {@code title:}, {@code text:},
 *     {@code source:}, {@code site:}, {@code author:}, {@code theme:}, {@code primary:}, {@code
 *     kind:}, {@code lang:} may be named; blank matches everything
 * @param theme only items carrying this theme (primary or secondary), or null
 * @param source only items of this source id, or null
 * @param kind only items of this kind ({@code feed}, {@code article}, ...), or null
 * @param from only items published at or after this instant, or null
 * @param to only items published before this instant, or null
 * @param sort {@link Sort#RELEVANCE} (default) or {@link Sort#NEWEST}
 * @param size hits wanted, 1 to {@link #MAX_SIZE}; larger values are clamped
 * @param facets the fields to count matches by (empty: none)
 * @param histogram the date histogram's interval, or null for none
 * @param zone the time zone of histogram buckets (default UTC)
 * @param after the position to continue after (from {@link SearchResult#next()}), or null for the
 *     first page; it must have been made with the same sort
 */
public record SearchRequest(
    String query,
    String theme,
    String source,
    String kind,
    Instant from,
    Instant to,
    Sort sort,
    int size,
    Set<Facet> facets,
    Interval histogram,
    ZoneId zone,
    SearchAfter after) {

  public static final int DEFAULT_SIZE = 10;

  /** See {@link QueryLimits#maxSize()}. */
  public static final int MAX_SIZE = QueryLimits.DEFAULT_MAX_SIZE;

  /** Result order. */
  public enum Sort {
    /** Best match first (ties: by id). */
    RELEVANCE,
    /** Newest first (ties: by id). */
    NEWEST,
    /** The older name of {@link #NEWEST}; requests made with it are read as {@link #NEWEST}. */
    DATE
  }

  public SearchRequest {
    query = query == null ? "" : query;
    sort = Objects.requireNonNullElse(sort, Sort.RELEVANCE);
    if (sort == Sort.DATE) {
      sort = Sort.NEWEST;
    }
    size = Math.max(1, Math.min(MAX_SIZE, size));
    facets = facets == null || facets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facets));
    zone = Objects.requireNonNullElse(zone, ZoneOffset.UTC);
    if (after != null && after.sort() != sort) {
      throw new IllegalArgumentException(
          "a position of a " + after.sort() + " search cannot continue a " + sort + " search");
    }
  }

  /** A search without facets, histogram or paging position. */
  public SearchRequest(
      String query,
      String theme,
      String source,
      String kind,
      Instant from,
      Instant to,
      Sort sort,
      int size) {
    this(query, theme, source, kind, from, to, sort, size, Set.of(), null, null, null);
  }

  /** A plain search for {@code query} with default size and no filters. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, null, null, Sort.RELEVANCE, DEFAULT_SIZE);
  }

  /** This request also counting matches by {@code wanted}. */
  public SearchRequest withFacets(Set<Facet> wanted) {
    return new SearchRequest(
        query, theme, source, kind, from, to, sort, size, wanted, histogram, zone, after);
  }

  /** This request with a date histogram by {@code interval} in {@code tz}. */
  public SearchRequest withHistogram(Interval interval, ZoneId tz) {
    return new SearchRequest(
        query, theme, source, kind, from, to, sort, size, facets, interval, tz, after);
  }

  /** This request continuing after {@code position}. */
  public SearchRequest after(SearchAfter position) {
    return new SearchRequest(
        query, theme, source, kind, from, to, sort, size, facets, histogram, zone, position);
  }

  /** This request with another time window. */
  public SearchRequest between(Instant start, Instant end) {
    return new SearchRequest(
        query, theme, source, kind, start, end, sort, size, facets, histogram, zone, after);
  }

  /** This request with another theme filter. */
  public SearchRequest withTheme(String t) {
    return new SearchRequest(
        query, t, source, kind, from, to, sort, size, facets, histogram, zone, after);
  }
}
