package io.themewire.index;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.index.search.Discussion;
import io.themewire.index.search.Interval;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import io.themewire.index.search.SignificantTerms;
import io.themewire.index.search.ThemeCount;
import io.themewire.index.search.Trends;
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
   * Hands every stored item matching {@code filter} (its query, theme, source, kind and time
   * window; size, sort, facets and paging are ignored) to {@code consumer}, oldest first, as of the
   * moment the call starts. Memory: a few bytes per match, plus one item at a time.
   *
   * @throws io.themewire.index.search.QueryException when the filter's query is refused
   */
  void scan(SearchRequest filter, Consumer<ClassifiedItem> consumer) throws IOException;

  /**
   * Item counts per day or week of {@code filter}'s matches (its query, theme, source, kind, time
   * window and zone): one series per theme when the filter names neither theme nor query, else one
   * series; each bucket flagged when it is a spike against a weekday-aware baseline, with its
   * explanation. The window defaults to (and is clipped to) the dates in the index.
   *
   * @throws io.themewire.index.search.QueryException when the filter's query is refused
   */
  Trends trends(SearchRequest filter, Interval interval) throws IOException;

  /**
   * The words and phrases most over-represented in {@code filter}'s matches against the rest of the
   * corpus, at most {@code size} (1 to 100).
   *
   * @throws io.themewire.index.search.QueryException when the filter's query is refused
   */
  SignificantTerms terms(SearchRequest filter, int size) throws IOException;

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
