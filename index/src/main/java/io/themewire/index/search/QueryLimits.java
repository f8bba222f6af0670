package io.themewire.index.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every bound on what one query may cost, in one place (RELIABILITY rows 30-35). The README's
 * "query limits" row quotes these defaults; change both together.
 *
 * @param maxQueryChars longest {@code q} accepted, in characters (default {@value
 *     #DEFAULT_MAX_QUERY_CHARS}); longer is a 400 {@code query-too-long}
 * @param maxDepth deepest nesting of parentheses (default {@value #DEFAULT_MAX_DEPTH}); deeper is a
 *     400 {@code query-too-deep}, found by a scan before parsing
 * @param maxClauses most clauses a query may have after wildcard and fuzzy expansion (default
 *     {@value #DEFAULT_MAX_CLAUSES}); more is a 400 {@code too-many-clauses}
 * @param maxSize most hits a page may ask for (default {@value #DEFAULT_MAX_SIZE}); larger sizes
 *     are clamped
 * @param timeBudget the time one search may spend collecting matches (default {@link
 *     #DEFAULT_TIME_BUDGET}); past it the search stops and answers 503 {@code query-timeout}
 * @param searchThreads searches running at once, at most (default: the processors, at least 2);
 *     each runs on this pool, never on the HTTP thread, so slow queries cannot starve {@code
 *     /health}
 * @param searchQueue searches waiting for a thread, at most (default {@value
 *     #DEFAULT_SEARCH_QUEUE}); one more waits for a place, and a search that waited longer than its
 *     time budget for a place and a thread is a 503 {@code search-busy}
 */
public record QueryLimits(
    int maxQueryChars,
    int maxDepth,
    int maxClauses,
    int maxSize,
    Duration timeBudget,
    int searchThreads,
    int searchQueue) {

  public static final int DEFAULT_MAX_QUERY_CHARS = 1024;
  public static final int DEFAULT_MAX_DEPTH = 32;
  public static final int DEFAULT_MAX_CLAUSES = 1024;
  public static final int DEFAULT_MAX_SIZE = 100;
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(2);
  public static final int DEFAULT_SEARCH_QUEUE = 64;

  /** The defaults above; threads from the processors of this machine. */
  public static final QueryLimits DEFAULTS =
      new QueryLimits(
          DEFAULT_MAX_QUERY_CHARS,
          DEFAULT_MAX_DEPTH,
          DEFAULT_MAX_CLAUSES,
          DEFAULT_MAX_SIZE,
          DEFAULT_TIME_BUDGET,
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          DEFAULT_SEARCH_QUEUE);

  /** Checks every field at once and names each one out of range. */
  public QueryLimits {
    List<String> wrong = new ArrayList<>();
    if (maxQueryChars < 1) {
      wrong.add("maxQueryChars must be at least 1, got " + maxQueryChars);
    }
    if (maxDepth < 1) {
      wrong.add("maxDepth must be at least 1, got " + maxDepth);
    }
    if (maxClauses < 1) {
      wrong.add("maxClauses must be at least 1, got " + maxClauses);
    }
    if (maxSize < 1) {
      wrong.add("maxSize must be at least 1, got " + maxSize);
    }
    if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
      wrong.add("timeBudget must be positive, got " + timeBudget);
    }
    if (searchThreads < 1) {
      wrong.add("searchThreads must be at least 1, got " + searchThreads);
    }
    if (searchQueue < 0) {
      wrong.add("searchQueue must be at least 0, got " + searchQueue);
    }
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException("query limits: " + String.join("; ", wrong));
    }
  }

  /** These limits with another time budget. */
  public QueryLimits withTimeBudget(Duration budget) {
    return new QueryLimits(
        maxQueryChars, maxDepth, maxClauses, maxSize, budget, searchThreads, searchQueue);
  }

  /** These limits with another search pool. */
  public QueryLimits withSearchPool(int threads, int queue) {
    return new QueryLimits(
        maxQueryChars, maxDepth, maxClauses, maxSize, timeBudget, threads, queue);
  }
}
