package io.themewire.index.lucene;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * The point-in-time searchers of one index (a {@link SearcherManager}), shared by the writer (for
 * copy merging) and every read service. Thread-safe.
 */
final class Searchers implements AutoCloseable {

  /** Work on a searcher. */
  interface Work<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private final SearcherManager manager;

  Searchers(SearcherManager manager) {
    this.manager = manager;
  }

  /** Runs {@code work} on a searcher that sees every write made so far, and releases it. */
  <T> T fresh(Work<T> work) throws IOException {
    manager.maybeRefresh();
    return current(work);
  }

  /** Runs {@code work} on the current searcher without refreshing it first. */
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
    manager.close();
  }
}
