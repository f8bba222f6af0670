package io.themewire.index;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.index.search.Discussion;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import io.themewire.index.search.ThemeCount;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read side of the store of classified items: search, lookups and counts, and nothing that
 * writes. A server that only answers queries holds one of these (see {@link
 * io.themewire.index.lucene.LuceneArticleReader#open}), so it cannot change the index even by
 * mistake. Thread-safe; every call sees the writes committed (or, in the writing process,
 * refreshed) before it starts.
 */
public interface ArticleReader extends AutoCloseable {

  /**
   * Runs a search.
   *
   * @throws io.themewire.index.search.QueryException when the query is refused
   */
  SearchResult search(SearchRequest request) throws IOException;

  /** The stored item with this id. */
  Optional<ClassifiedItem> get(ItemId id) throws IOException;

  /**
   * Hands every stored item to {@code consumer}, as of the moment the call starts: writes made
   * meanwhile (re-labelled items, say) are not seen again.
   */
  void scan(Consumer<ClassifiedItem> consumer) throws IOException;

  /**
   * The discussion threads (story items of discussion sources) whose linked article is {@code url},
   * most points first.
   */
  List<Discussion> discussionsOf(CanonicalUrl url) throws IOException;

  /** Item counts of every theme present, by theme id. */
  List<ThemeCount> themeCounts() throws IOException;

  /** Items stored. */
  long count() throws IOException;

  @Override
  void close() throws IOException;
}
