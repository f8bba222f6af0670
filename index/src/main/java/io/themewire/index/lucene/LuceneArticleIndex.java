package io.themewire.index.lucene;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.index.ArticleIndex;
import io.themewire.index.search.Discussion;
import io.themewire.index.search.QueryLimits;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import io.themewire.index.search.ThemeCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * {@link ArticleIndex} on a Lucene index on disk, put together the way Lucene separates its parts:
 * the {@link IndexSchema} (fields), a {@link CopyMergingWriter} (the only holder of the {@link
 * IndexWriter}: upserts and copy merging), and a {@link LuceneArticleReader} over the writer's
 * near-real-time searchers (search with the {@link GuardedQueryParser}, lookups, counts). Hand
 * {@link #reader()} to code that must not write. Thread-safe.
 */
public final class LuceneArticleIndex implements ArticleIndex {

  /** Query limits; see {@link GuardedQueryParser}. */
  public static final int MAX_QUERY_CHARS = GuardedQueryParser.MAX_QUERY_CHARS;

  public static final int MAX_DEPTH = GuardedQueryParser.MAX_DEPTH;
  public static final int MAX_CLAUSES = GuardedQueryParser.MAX_CLAUSES;

  private final FSDirectory directory;
  private final Searchers searchers;
  private final CopyMergingWriter writer;
  private final LuceneArticleReader reader;

  private LuceneArticleIndex(Path dir, QueryLimits limits) throws IOException {
    this.directory = FSDirectory.open(dir);
    Analyzer analyzer = IndexSchema.analyzer();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    IndexWriter w = new IndexWriter(directory, config);
    this.searchers = new Searchers(new SearcherManager(w, null), limits);
    this.writer = new CopyMergingWriter(w, searchers);
    this.reader = new LuceneArticleReader(searchers, analyzer, null);
  }

  /** Opens (or creates) the index in {@code dir} for reading and writing. */
  public static LuceneArticleIndex open(Path dir) throws IOException {
    return open(dir, QueryLimits.DEFAULTS);
  }

  /** Opens (or creates) the index in {@code dir}, searching under {@code limits}. */
  public static LuceneArticleIndex open(Path dir, QueryLimits limits) throws IOException {
    Files.createDirectories(dir);
    return new LuceneArticleIndex(dir, limits);
  }

  /**
   * Opens an existing index for searching only: it takes no write lock, so it can serve beside a
   * process that is writing the same index, and sees that process's commits as they land. The
   * handle has no write methods.
   *
   * @throws NoSuchFileException when there is no index in {@code dir}
   */
  public static LuceneArticleReader openReadOnly(Path dir) throws IOException {
    return LuceneArticleReader.open(dir);
  }

  /** The searchers of this index (tests). */
  Searchers searchers() {
    return searchers;
  }

  /** The read side of this index (closing it is a no-op: this index owns it). */
  public LuceneArticleReader reader() {
    return reader;
  }

  @Override
  public void upsert(ClassifiedItem item) throws IOException {
    writer.upsert(item);
  }

  @Override
  public void commit() throws IOException {
    writer.commit();
  }

  /**
   * Commits every write so far together with {@code userData} (a consumer's offsets, say): both
   * become durable at once. Later plain commits keep the same data.
   */
  public void commit(java.util.Map<String, String> userData) throws IOException {
    writer.commit(userData);
  }

  /** The user data saved with the last {@link #commit(java.util.Map)}; empty when none. */
  public java.util.Map<String, String> commitData() {
    return writer.commitData();
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return reader.search(request);
  }

  @Override
  public Optional<ClassifiedItem> get(ItemId id) throws IOException {
    return reader.get(id);
  }

  @Override
  public Optional<Stored> stored(ItemId id) throws IOException {
    return reader
        .findDoc(id)
        .map(d -> new Stored(d.get(IndexSchema.HASH), d.get(IndexSchema.MODEL)));
  }

  @Override
  public void scan(Consumer<ClassifiedItem> consumer) throws IOException {
    reader.scan(consumer);
  }

  @Override
  public List<Discussion> discussionsOf(CanonicalUrl url) throws IOException {
    return reader.discussionsOf(url);
  }

  @Override
  public List<ThemeCount> themeCounts() throws IOException {
    return reader.themeCounts();
  }

  @Override
  public long count() throws IOException {
    return reader.count();
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      writer.close();
    } finally {
      directory.close();
    }
  }
}
