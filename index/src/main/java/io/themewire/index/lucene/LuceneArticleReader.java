package io.themewire.index.lucene;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.index.ArticleReader;
import io.themewire.index.search.Discussion;
import io.themewire.index.search.Interval;
import io.themewire.index.search.QueryLimits;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import io.themewire.index.search.SignificantTerms;
import io.themewire.index.search.ThemeCount;
import io.themewire.index.search.Trends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The read-only handle on a Lucene index: search, lookups, scans and counts over a {@link
 * Searchers}, with no write method at all. {@link #open} opens an index on disk without a write
 * lock, so it serves beside a process that is writing the same folder and sees that process's
 * commits as they land; {@link LuceneArticleIndex#reader()} is the same handle over a writer's
 * near-real-time searchers. Thread-safe.
 */
public final class LuceneArticleReader implements ArticleReader {

  private final Searchers searchers;
  private final SearchService search;
  private final TrendService trends;
  private final TermsService terms;
  private final Directory ownedDirectory;

  /** {@code ownedDirectory}: the directory this handle closes with its searchers, or null. */
  LuceneArticleReader(Searchers searchers, Analyzer analyzer, Directory ownedDirectory) {
    this.searchers = searchers;
    this.search = new SearchService(searchers, analyzer);
    this.trends = new TrendService(searchers, search);
    this.terms = new TermsService(searchers, search);
    this.ownedDirectory = ownedDirectory;
  }

  /**
   * Opens an existing index for reading only.
   *
   * @throws NoSuchFileException when there is no index in {@code dir}
   */
  public static LuceneArticleReader open(Path dir) throws IOException {
    return open(dir, QueryLimits.DEFAULTS);
  }

  /**
   * Opens an existing index for reading only, searching under {@code limits}.
   *
   * @throws NoSuchFileException when there is no index in {@code dir}
   */
  public static LuceneArticleReader open(Path dir, QueryLimits limits) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no index");
    }
    FSDirectory directory = FSDirectory.open(dir);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new NoSuchFileException(dir.toString(), null, "no index");
      }
      return new LuceneArticleReader(
          new Searchers(new SearcherManager(directory, null), limits),
          IndexSchema.analyzer(),
          directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return search.search(request);
  }

  @Override
  public Optional<ClassifiedItem> get(ItemId id) throws IOException {
    Optional<Document> own = findDoc(id);
    return (own.isPresent() ? own : findDoc(IndexSchema.ALSO_ID, id)).map(IndexSchema::item);
  }

  /** The stored document of an item, or empty. */
  Optional<Document> findDoc(ItemId id) throws IOException {
    return findDoc(IndexSchema.ID, id);
  }

  /**
   * The stored document of an item in the current reader, without reopening it, on the calling
   * thread and without a time budget (a lookup by id), or empty.
   */
  Optional<Document> findCurrentDoc(ItemId id) throws IOException {
    return searchers.current(
        searcher -> {
          TopDocs top = searcher.search(new TermQuery(new Term(IndexSchema.ID, id.value())), 1);
          return top.scoreDocs.length == 0
              ? Optional.<Document>empty()
              : Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc));
        });
  }

  /**
   * The stored document whose {@code field} holds {@code id} ({@link IndexSchema#ID}: the item's
   * own; {@link IndexSchema#ALSO_ID}: the item a copy was merged into), or empty.
   */
  private Optional<Document> findDoc(String field, ItemId id) throws IOException {
    return searchers.fresh(
        searcher -> {
          TopDocs top = searcher.search(new TermQuery(new Term(field, id.value())), 1);
          if (top.scoreDocs.length == 0) {
            return Optional.empty();
          }
          return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc));
        });
  }

  @Override
  public void scan(Consumer<ClassifiedItem> consumer) throws IOException {
    searchers.freshUnbudgeted(
        searcher -> {
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            StoredFields fields = leaf.reader().storedFields();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
              if (live == null || live.get(doc)) {
                consumer.accept(IndexSchema.item(fields.document(doc, Set.of(IndexSchema.JSON))));
              }
            }
          }
          return null;
        });
  }

  @Override
  public void scan(SearchRequest filter, Consumer<ClassifiedItem> consumer) throws IOException {
    Query query = search.query(filter);
    searchers.freshUnbudgeted(
        searcher -> {
          StoredFields fields = searcher.storedFields();
          for (int doc : SearchService.matchesOldestFirst(searcher, query)) {
            consumer.accept(IndexSchema.item(fields.document(doc, Set.of(IndexSchema.JSON))));
          }
          return null;
        });
  }

  @Override
  public Trends trends(SearchRequest filter, Interval interval) throws IOException {
    return trends.trends(filter, interval);
  }

  @Override
  public SignificantTerms terms(SearchRequest filter, int size) throws IOException {
    return terms.terms(filter, size);
  }

  @Override
  public List<Discussion> discussionsOf(CanonicalUrl url) throws IOException {
    return searchers.fresh(searcher -> SearchService.discussions(searcher, url.value()));
  }

  @Override
  public List<ThemeCount> themeCounts() throws IOException {
    return searchers.fresh(
        searcher -> {
          Set<String> themes = new TreeSet<>();
          for (String field : List.of(IndexSchema.THEME, IndexSchema.PRIMARY)) {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
            if (terms != null) {
              TermsEnum te = terms.iterator();
              BytesRef t;
              while ((t = te.next()) != null) {
                themes.add(t.utf8ToString());
              }
            }
          }
          List<ThemeCount> out = new ArrayList<>();
          for (String theme : themes) {
            long primary = searcher.count(new TermQuery(new Term(IndexSchema.PRIMARY, theme)));
            long any = searcher.count(new TermQuery(new Term(IndexSchema.THEME, theme)));
            if (primary > 0 || any > 0) {
              out.add(new ThemeCount(theme, primary, any));
            }
          }
          return out;
        });
  }

  @Override
  public long count() throws IOException {
    return searchers.fresh(searcher -> (long) searcher.count(new MatchAllDocsQuery()));
  }

  /**
   * Closes the searchers and the directory when this handle opened them ({@link #open}); a no-op
   * for the handle of a {@link LuceneArticleIndex}, which closes its own.
   */
  @Override
  public void close() throws IOException {
    if (ownedDirectory == null) {
      return;
    }
    try {
      searchers.close();
    } finally {
      ownedDirectory.close();
    }
  }
}
