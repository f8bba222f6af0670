package io.themewire.index;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import io.themewire.index.search.ThemeCount;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The searchable store of classified items: one document per item id, so writing an item again
 * replaces it. Thread-safe: writes and searches may run at once; a search sees writes after the
 * next refresh (at most a second or so), and writes survive a crash once {@link #commit()} returns.
 */
public interface ArticleIndex extends AutoCloseable {

  /** Adds the item, or replaces the stored one with the same id. */
  void upsert(ClassifiedItem item) throws IOException;

  /** Makes every write so far durable. */
  void commit() throws IOException;

  /**
   * Runs a search.
   *
   * @throws io.themewire.index.search.QueryException when the query is refused
   */
  SearchResult search(SearchRequest request) throws IOException;

  /** The stored item with this id. */
  Optional<ClassifiedItem> get(ItemId id) throws IOException;

  /**
   * The content hash and model version stored for this id, so that ingest can skip items that are
   * unchanged and already labelled by the current model.
   */
  Optional<Stored> stored(ItemId id) throws IOException;

  /** What is stored of an item's provenance. */
  record Stored(String contentHash, String modelVersion) {}

  /**
   * Hands every stored item to {@code consumer}, as of the moment the call starts: writes made
   * meanwhile (re-labelled items, say) are not seen again.
   */
  void scan(java.util.function.Consumer<ClassifiedItem> consumer) throws IOException;

  /**
   * The discussion threads (story items of discussion sources) whose linked article is {@code url},
   * most points first.
   */
  List<io.themewire.index.search.Discussion> discussionsOf(
      io.themewire.core.message.CanonicalUrl url) throws IOException;

  /** Item counts of every theme present, by theme id. */
  List<ThemeCount> themeCounts() throws IOException;

  /** Items stored. */
  long count() throws IOException;

  @Override
  void close() throws IOException;
}
