package io.themewire.index.lucene;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.index.ArticleIndex;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger log = LoggerFactory.getLogger(LuceneArticleIndex.class);

  private final Directory directory;
  private final Searchers searchers;
  private final CopyMergingWriter writer;
  private final LuceneArticleReader reader;

  private LuceneArticleIndex(Directory directory, QueryLimits limits) throws IOException {
    this.directory = directory;
    Analyzer analyzer = IndexSchema.analyzer();
    try {
      rebuildIfOutdated(directory, analyzer);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    IndexWriter w = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.APPEND));
    this.searchers = new Searchers(new SearcherManager(w, null), limits);
    this.writer = new CopyMergingWriter(w, searchers);
    this.reader = new LuceneArticleReader(searchers, analyzer, null);
  }

  /**
   * Opens (or creates) the index in {@code dir} for reading and writing. An index written with an
   * older schema is rebuilt first from the items it stores (keeping its commit data), so that every
   * document has the fields that search, facets and trends read.
   */
  public static LuceneArticleIndex open(Path dir) throws IOException {
    return open(dir, QueryLimits.DEFAULTS);
  }

  /** Opens (or creates) the index in {@code dir}, searching under {@code limits}. */
  public static LuceneArticleIndex open(Path dir, QueryLimits limits) throws IOException {
    Files.createDirectories(dir);
    return new LuceneArticleIndex(FSDirectory.open(dir), limits);
  }

  /**
   * Opens (or creates) the index in {@code directory}, which the index then owns and closes: the
   * seam for tests that wrap the directory to crash it or fill its disk.
   */
  public static LuceneArticleIndex open(Directory directory, QueryLimits limits)
      throws IOException {
    return new LuceneArticleIndex(directory, limits);
  }

  static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(mode);
    config.setRAMBufferSizeMB(64);
    return config;
  }

  /** Creates an empty index, or rewrites one of an older schema version from its stored items. */
  private static void rebuildIfOutdated(Directory directory, Analyzer analyzer) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE)).close();
      return;
    }
    try (DirectoryReader old = DirectoryReader.open(directory)) {
      if (IndexSchema.isCurrent(old)) {
        return;
      }
      long start = System.nanoTime();
      int n = 0;
      try (IndexWriter w =
          new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE))) {
        w.setLiveCommitData(old.getIndexCommit().getUserData().entrySet());
        for (LeafReaderContext leaf : old.leaves()) {
          Bits live = leaf.reader().getLiveDocs();
          StoredFields fields = leaf.reader().storedFields();
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            if (live == null || live.get(doc)) {
              Document d = fields.document(doc);
              Long fingerprint =
                  d.getField(IndexSchema.SIMHASH) == null
                      ? null
                      : d.getField(IndexSchema.SIMHASH).numericValue().longValue();
              Document fresh = IndexSchema.toDocument(IndexSchema.item(d), fingerprint);
              IndexSchema.addMergedIds(fresh, Arrays.asList(d.getValues(IndexSchema.ALSO_ID)));
              w.addDocument(fresh);
              n++;
            }
          }
        }
        w.commit();
      }
      log.info(
          "index - rebuilt {} items for schema version {} in {} ms",
          n,
          IndexSchema.VERSION,
          (System.nanoTime() - start) / 1_000_000);
    }
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

  /**
   * Why the index cannot write now (the disk is full, a tragic event closed the writer), for
   * readiness checks and logs; empty when it can.
   */
  @Override
  public Optional<String> writeFailure() {
    return writer.writeFailure();
  }

  /** Whether the writer is gone for good (a tragic event): the index must be reopened. */
  public boolean writerLost() {
    return writer.writerLost();
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
    // Asked by ingest for every item it reads: the current reader, not a reopened one. Reopening
    // per item (while the index stage writes) flushed a tiny segment each time; a reader at most
    // one merge batch or commit behind only means an item just written is classified again.
    return reader
        .findCurrentDoc(id)
        .map(d -> new Stored(d.get(IndexSchema.HASH), d.get(IndexSchema.MODEL)));
  }

  @Override
  public void scan(Consumer<ClassifiedItem> consumer) throws IOException {
    reader.scan(consumer);
  }

  @Override
  public void scan(SearchRequest filter, Consumer<ClassifiedItem> consumer) throws IOException {
    reader.scan(filter, consumer);
  }

  @Override
  public Trends trends(SearchRequest filter, Interval interval) throws IOException {
    return reader.trends(filter, interval);
  }

  @Override
  public SignificantTerms terms(SearchRequest filter, int size) throws IOException {
    return reader.terms(filter, size);
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
