package io.themewire.index.lucene;

import io.themewire.index.search.QueryLimits;
import io.themewire.index.search.SearchUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * The point-in-time searchers of one index (a {@link SearcherManager}), shared by the writer (for
 * copy merging) and every read service. User searches ({@link #fresh}) run on a bounded pool under
 * a time budget ({@link QueryLimits}); the writer's reads and full scans ({@link #current}, {@link
 * #freshUnbudgeted}) do not. Thread-safe.
 */
final class Searchers implements AutoCloseable {

  /** Work on a searcher. */
  interface Work<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private final SearcherManager manager;
  private final QueryLimits limits;
  private final ThreadPoolExecutor pool;

  /**
   * Admission: one permit per search thread and queue place, held by the caller for the whole
   * search. The executor's own queue is unbounded, so a search admitted here is never refused by a
   * worker that has finished its last search but not yet asked for the next. A caller that finds
   * every permit taken waits for one, within the time budget: a burst of more concurrent searches
   * than threads and queue places (200 editors at once) is served in turn instead of being refused
   * at once, and a client refused at once would only ask again at once.
   */
  private final Semaphore admitted;

  Searchers(SearcherManager manager) {
    this(manager, QueryLimits.DEFAULTS);
  }

  Searchers(SearcherManager manager, QueryLimits limits) {
    this.manager = manager;
    this.limits = limits;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            limits.searchThreads(),
            limits.searchThreads(),
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "tw-search-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.pool.allowCoreThreadTimeOut(true);
    this.admitted = new Semaphore(limits.searchThreads() + limits.searchQueue());
  }

  /** The limits searches run under. */
  QueryLimits limits() {
    return limits;
  }

  /**
   * Runs {@code work} on a searcher that sees every write made so far, on the search pool and under
   * the time budget: the searcher stops collecting once the budget is spent, and the search then
   * fails with {@code query-timeout}; a pool that stays full for the budget, or a wait for a thread
   * longer than the budget, fails with {@code search-busy}. Both are {@link
   * SearchUnavailableException}s.
   */
  <T> T fresh(Work<T> work) throws IOException {
    long arrived = System.nanoTime();
    long budget = limits.timeBudget().toNanos();
    try {
      if (!admitted.tryAcquire(budget, TimeUnit.NANOSECONDS)) {
        throw busy(
            "the queue of "
                + limits.searchQueue()
                + " waiting searches stayed full for "
                + budget / 1_000_000
                + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy("interrupted while waiting for a place in the queue");
    }
    try {
      return admittedSearch(work, arrived, budget);
    } finally {
      admitted.release();
    }
  }

  private <T> T admittedSearch(Work<T> work, long submitted, long budget) throws IOException {
    Future<T> future =
        pool.submit(
            () -> {
              long waited = System.nanoTime() - submitted;
              if (waited > budget) {
                throw busy("waited " + waited / 1_000_000 + " ms for a search thread");
              }
              manager.maybeRefresh();
              return budgeted(work);
            });
    try {
      // The budget to wait for a thread, the budget to search, and a margin to finish the page.
      return future.get(3 * budget, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw busy("no answer within " + 3 * budget / 1_000_000 + " ms");
    } catch (CancellationException e) {
      throw busy("cancelled");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw busy("interrupted while waiting");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new UncheckedIOException(new IOException(cause));
    }
  }

  /** {@code work} on a searcher of the current reader that stops once the budget is spent. */
  private <T> T budgeted(Work<T> work) throws IOException {
    long started = System.nanoTime();
    long deadline = started + limits.timeBudget().toNanos();
    IndexSearcher shared = manager.acquire();
    try {
      IndexSearcher timed = new IndexSearcher(shared.getIndexReader());
      timed.setSimilarity(shared.getSimilarity());
      timed.setQueryCache(shared.getQueryCache());
      timed.setQueryCachingPolicy(shared.getQueryCachingPolicy());
      QueryTimeout timeout = () -> System.nanoTime() - deadline > 0;
      timed.setTimeout(timeout);
      T result = work.apply(timed);
      if (timed.timedOut()) {
        throw new SearchUnavailableException(
            "query-timeout",
            "the search ran past its time budget of "
                + limits.timeBudget().toMillis()
                + " ms (stopped after "
                + (System.nanoTime() - started) / 1_000_000
                + " ms); narrow the query or the date range");
      }
      return result;
    } finally {
      manager.release(shared);
    }
  }

  private SearchUnavailableException busy(String why) {
    return new SearchUnavailableException(
        "search-busy",
        "the search pool is busy ("
            + why
            + "; "
            + pool.getActiveCount()
            + " of "
            + limits.searchThreads()
            + " threads searching, "
            + pool.getQueue().size()
            + " waiting); try again shortly");
  }

  /**
   * Runs {@code work} on a searcher that sees every write made so far, on the calling thread and
   * without a time budget: for full scans (exports) that must see every item however long it takes.
   */
  <T> T freshUnbudgeted(Work<T> work) throws IOException {
    manager.maybeRefresh();
    return current(work);
  }

  /** Runs {@code work} on the current searcher without refreshing it first (no budget). */
  <T> T current(Work<T> work) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return work.apply(searcher);
    } finally {
      manager.release(searcher);
    }
  }

  /** Reopens the searcher now, waiting for the reopen to finish. */
  void refreshBlocking() throws IOException {
    manager.maybeRefreshBlocking();
  }

  @Override
  public void close() throws IOException {
    pool.shutdownNow();
    manager.close();
  }
}
