package io.themewire.index.lucene;

import io.themewire.core.json.Topic;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.ThemeScore;
import io.themewire.index.ArticleIndex;
import io.themewire.index.dedup.SimHash;
import io.themewire.index.search.Discussion;
import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchHit;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import io.themewire.index.search.ThemeCount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * {@link ArticleIndex} on a Lucene index on disk: one document per item id, replaced with {@code
 * updateDocument}, English analysis of title and text, keyword fields for filters, and the whole
 * {@link ClassifiedItem} stored as JSON for {@link #get}.
 *
 * <p>Queries use the classic Lucene syntax with guards: at most {@value #MAX_QUERY_CHARS}
 * characters, nesting at most {@value #MAX_DEPTH} deep, no leading wildcards, no regular
 * expressions, at most {@value #MAX_CLAUSES} clauses after expansion. Thread-safe.
 */
public final class LuceneArticleIndex implements ArticleIndex {

  public static final int MAX_QUERY_CHARS = 1024;
  public static final int MAX_DEPTH = 32;
  public static final int MAX_CLAUSES = 1024;

  static final String ID = "id";
  static final String URL = "url";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String SOURCE = "source";
  static final String SOURCE_NAME = "source_name";
  static final String KIND = "kind";
  static final String PUBLISHED = "published";
  static final String THEME = "theme";
  static final String PRIMARY = "primary";
  static final String HASH = "hash";
  static final String MODEL = "model";
  static final String JSON = "json";
  static final String DISCUSSES = "discusses";
  static final String THREAD_STORY = "thread_story";
  static final String POINTS = "points";
  static final String SIMHASH = "simhash";
  static final String SIMHASH_BAND = "simhash_band";

  /** Threads listed per item at most. */
  static final int MAX_DISCUSSIONS = 10;

  private static final Set<String> KEYWORD_FIELDS =
      Set.of(ID, SOURCE, KIND, THEME, PRIMARY, HASH, MODEL);
  private static final int SNIPPET_CHARS = 180;
  private static final String REGEX_REFUSED = "regular expressions are not supported";

  static {
    IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
  }

  private final FSDirectory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private LuceneArticleIndex(Path dir, boolean readOnly) throws IOException {
    this.directory = FSDirectory.open(dir);
    Map<String, Analyzer> perField = new java.util.HashMap<>();
    for (String f : KEYWORD_FIELDS) {
      perField.put(f, new KeywordAnalyzer());
    }
    this.analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), perField);
    if (readOnly) {
      this.writer = null;
      this.searchers = new SearcherManager(directory, null);
      return;
    }
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Opens an existing index for searching only: it takes no write lock, so it can serve beside a
   * process that is writing the same index, and sees that process's commits as they land. Writes
   * fail with {@link IllegalStateException}.
   *
   * @throws java.nio.file.NoSuchFileException when there is no index in {@code dir}
   */
  public static LuceneArticleIndex openReadOnly(Path dir) throws IOException {
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no index");
    }
    try (FSDirectory probe = FSDirectory.open(dir)) {
      if (!org.apache.lucene.index.DirectoryReader.indexExists(probe)) {
        throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no index");
      }
    }
    return new LuceneArticleIndex(dir, true);
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("the index is open read-only");
    }
    return writer;
  }

  /** Opens (or creates) the index in {@code dir}. */
  public static LuceneArticleIndex open(Path dir) throws IOException {
    java.nio.file.Files.createDirectories(dir);
    return new LuceneArticleIndex(dir, false);
  }

  @Override
  public synchronized void upsert(ClassifiedItem item) throws IOException {
    Long fingerprint = SimHash.of(item.item().text());
    ClassifiedItem stored = merge(item, fingerprint);
    if (!stored.item().contentHash().equals(item.item().contentHash())) {
      fingerprint = SimHash.of(stored.item().text()); // the write kept an earlier text
    }
    writer().updateDocument(new Term(ID, stored.id().value()), toDocument(stored, fingerprint));
    pending.put(stored.id(), new Pending(stored, fingerprint));
    if (pending.size() >= PENDING_LIMIT) {
      refreshWrites();
    }
  }

  /**
   * Writes since the last refresh of the reader used for merging, by id: merging reads these first,
   * so that upserts need not reopen the reader each time (which cost a tiny segment per item and
   * cut indexing to a few dozen items a second).
   */
  private final Map<ItemId, Pending> pending = new java.util.LinkedHashMap<>();

  /** A write not yet visible to the merging reader, with its fingerprint (null: too short). */
  private record Pending(ClassifiedItem item, Long fingerprint) {}

  /** Candidates compared word by word at most per item: a cap on the cost of one write. */
  static final int MAX_COPY_CHECKS = 5;

  /** Writes held in {@link #pending} before the reader is reopened. */
  static final int PENDING_LIMIT = 500;

  private void refreshWrites() throws IOException {
    searchers.maybeRefreshBlocking();
    pending.clear();
  }

  /** The newest version of an item for merging: a pending write, else the current reader's. */
  private Optional<ClassifiedItem> latest(ItemId id) throws IOException {
    Pending p = pending.get(id);
    if (p != null) {
      return Optional.of(p.item());
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(ID, id.value())), 1);
      return top.scoreDocs.length == 0
          ? Optional.empty()
          : Optional.of(
              Topic.ITEMS_CLASSIFIED
                  .codec()
                  .decode(searcher.storedFields().document(top.scoreDocs[0].doc).get(JSON)));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * What to store for {@code item}, given what is stored already:
   *
   * <ul>
   *   <li>the same id from another source (one guid in two feeds): the first sighting stays, and
   *       lists the other source;
   *   <li>the same id from the same source: the new version, keeping the copies and sources
   *       gathered so far;
   *   <li>a new id whose text is a near-copy of a stored item (fingerprints at most {@value
   *       SimHash#MAX_DISTANCE} bits apart, word 3-grams at least {@value SimHash#MIN_RESEMBLANCE}
   *       alike): the stored item, listing this copy's URL and source — a syndicated story stays
   *       one item.
   * </ul>
   */
  private ClassifiedItem merge(ClassifiedItem item, Long fingerprint) throws IOException {
    RawItem raw = item.item();
    Optional<ClassifiedItem> existing = latest(item.id());
    if (existing.isPresent()) {
      RawItem old = existing.get().item();
      if (!old.source().id().equals(raw.source().id())) {
        return existing.get().withItem(old.alsoSeen(null, raw.source().id()));
      }
      RawItem kept = raw;
      for (io.themewire.core.message.CanonicalUrl u : old.alsoAt()) {
        kept = kept.alsoSeen(u, null);
      }
      for (String src : old.alsoIn()) {
        kept = kept.alsoSeen(null, src);
      }
      return item.withItem(kept);
    }
    if (fingerprint == null) {
      return item;
    }
    Optional<ClassifiedItem> original = nearCopyOf(fingerprint, item.id(), raw.text());
    if (original.isEmpty()) {
      return item;
    }
    RawItem copyOf = original.get().item();
    return original.get().withItem(copyOf.alsoSeen(raw.url(), raw.source().id()));
  }

  private Optional<ClassifiedItem> nearCopyOf(long fingerprint, ItemId self, String text)
      throws IOException {
    int checks = 0;
    for (Pending p : pending.values()) {
      if (p.fingerprint() != null
          && !p.item().id().equals(self)
          && SimHash.distance(fingerprint, p.fingerprint()) <= SimHash.MAX_DISTANCE) {
        if (SimHash.resemblance(text, p.item().item().text()) >= SimHash.MIN_RESEMBLANCE) {
          return Optional.of(p.item());
        }
        if (++checks >= MAX_COPY_CHECKS) {
          return Optional.empty();
        }
      }
    }
    BooleanQuery.Builder anyBand = new BooleanQuery.Builder();
    for (String band : SimHash.bands(fingerprint)) {
      anyBand.add(new TermQuery(new Term(SIMHASH_BAND, band)), BooleanClause.Occur.SHOULD);
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      for (ScoreDoc sd : searcher.search(anyBand.build(), MAX_COPY_CHECKS).scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        if (d.get(ID).equals(self.value()) || d.getField(SIMHASH) == null) {
          continue;
        }
        long other = d.getField(SIMHASH).numericValue().longValue();
        if (SimHash.distance(fingerprint, other) <= SimHash.MAX_DISTANCE
            && SimHash.resemblance(text, d.get(TEXT)) >= SimHash.MIN_RESEMBLANCE) {
          return Optional.of(Topic.ITEMS_CLASSIFIED.codec().decode(d.get(JSON)));
        }
      }
      return Optional.empty();
    } finally {
      searchers.release(searcher);
    }
  }

  /** The document of an item; {@code fingerprint} is its text's {@link SimHash}, or null. */
  static Document toDocument(ClassifiedItem c, Long fingerprint) {
    RawItem item = c.item();
    Document doc = new Document();
    doc.add(new StringField(ID, item.id().value(), Field.Store.YES));
    if (item.url() != null) {
      doc.add(new StoredField(URL, item.url().value()));
    }
    doc.add(new TextField(TITLE, item.title(), Field.Store.YES));
    doc.add(new TextField(TEXT, item.text(), Field.Store.YES));
    doc.add(new StringField(SOURCE, item.source().id(), Field.Store.YES));
    doc.add(new StoredField(SOURCE_NAME, item.source().name()));
    doc.add(new StringField(KIND, item.source().kind().id(), Field.Store.YES));
    long published = item.published().at().toEpochMilli();
    doc.add(new LongPoint(PUBLISHED, published));
    doc.add(new NumericDocValuesField(PUBLISHED, published));
    doc.add(new StoredField(PUBLISHED, published));
    for (ThemeScore t : c.themes()) {
      doc.add(new StringField(THEME, t.theme(), Field.Store.YES));
    }
    doc.add(new StringField(PRIMARY, c.primary(), Field.Store.YES));
    doc.add(new StringField(HASH, item.contentHash(), Field.Store.YES));
    doc.add(new StringField(MODEL, c.modelVersion(), Field.Store.YES));
    if (item.discusses() != null) {
      doc.add(new StringField(DISCUSSES, item.discusses().value(), Field.Store.NO));
    }
    if (item.source().kind() == io.themewire.core.message.SourceKind.DISCUSSION
        && item.parentId() == null) {
      doc.add(new StringField(THREAD_STORY, "true", Field.Store.NO));
      Integer points = item.engagement() == null ? null : item.engagement().points();
      doc.add(new NumericDocValuesField(POINTS, points == null ? -1 : points));
    }
    if (fingerprint != null) {
      doc.add(new StoredField(SIMHASH, fingerprint));
      for (String band : SimHash.bands(fingerprint)) {
        doc.add(new StringField(SIMHASH_BAND, band, Field.Store.NO));
      }
    }
    doc.add(new StoredField(JSON, Topic.ITEMS_CLASSIFIED.codec().encodeToString(c)));
    return doc;
  }

  @Override
  public synchronized void commit() throws IOException {
    writer().commit();
    refreshWrites();
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    Query userQuery = parse(request.query());
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(userQuery, BooleanClause.Occur.MUST);
    addFilter(b, THEME, request.theme());
    addFilter(b, SOURCE, request.source());
    addFilter(b, KIND, request.kind());
    if (request.from() != null || request.to() != null) {
      long lo = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
      long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
    }
    Query query = b.build();
    return withFreshSearcher(
        searcher -> {
          TopDocs top;
          try {
            top =
                request.sort() == SearchRequest.Sort.DATE
                    ? searcher.search(
                        query,
                        request.size(),
                        new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true)),
                        true)
                    : searcher.search(query, request.size());
          } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryException(
                "too-many-clauses",
                "the query expands to more than " + MAX_CLAUSES + " terms; narrow it");
          }
          QueryScorer scorer = new QueryScorer(userQuery, TEXT);
          Highlighter highlighter =
              new Highlighter(
                  new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
          highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, SNIPPET_CHARS));
          List<SearchHit> hits = new ArrayList<>();
          for (ScoreDoc sd : top.scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            hits.add(
                toHit(
                    d,
                    sd.score,
                    snippet(highlighter, d.get(TEXT)),
                    discussions(searcher, d.get(URL))));
          }
          return new SearchResult(
              top.totalHits.value, hits, (System.nanoTime() - start) / 1_000_000);
        });
  }

  private static void addFilter(BooleanQuery.Builder b, String field, String value) {
    if (value != null && !value.isBlank()) {
      b.add(new TermQuery(new Term(field, value.strip())), BooleanClause.Occur.FILTER);
    }
  }

  private String snippet(Highlighter highlighter, String text) {
    if (text == null) {
      return "";
    }
    try {
      String best = highlighter.getBestFragment(analyzer, TEXT, text);
      if (best != null) {
        return best.strip();
      }
    } catch (InvalidTokenOffsetsException | IOException e) {
      // fall through to the lead of the text
    }
    String lead =
        text.length() <= SNIPPET_CHARS
            ? text
            : text.substring(
                    0,
                    text.lastIndexOf(' ', SNIPPET_CHARS) > 0
                        ? text.lastIndexOf(' ', SNIPPET_CHARS)
                        : SNIPPET_CHARS)
                + " …";
    return new SimpleHTMLEncoder().encodeText(lead);
  }

  private static SearchHit toHit(
      Document d, float score, String snippet, List<Discussion> discussions) {
    List<String> themes = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(d.getValues(THEME))));
    return new SearchHit(
        d.get(ID),
        d.get(URL),
        d.get(TITLE),
        d.get(SOURCE),
        d.get(SOURCE_NAME),
        d.get(KIND),
        Instant.ofEpochMilli(d.getField(PUBLISHED).numericValue().longValue()),
        d.get(PRIMARY),
        themes,
        discussions,
        snippet,
        Float.isNaN(score) ? 0f : score);
  }

  /** Parses user query syntax under the guards; blank means everything. */
  Query parse(String q) {
    if (q.isBlank() || q.strip().equals("*") || q.strip().equals("*:*")) {
      return new MatchAllDocsQuery();
    }
    if (q.length() > MAX_QUERY_CHARS) {
      throw new QueryException(
          "query-too-long",
          "query is " + q.length() + " characters; the limit is " + MAX_QUERY_CHARS);
    }
    int depth = 0;
    int maxDepth = 0;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        maxDepth = Math.max(maxDepth, ++depth);
      } else if (c == ')') {
        depth--;
      }
    }
    if (maxDepth > MAX_DEPTH) {
      throw new QueryException(
          "query-too-deep",
          "query nests " + maxDepth + " levels of parentheses; the limit is " + MAX_DEPTH);
    }
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(
            new String[] {TITLE, TEXT}, analyzer, Map.of(TITLE, 2f, TEXT, 1f)) {
          @Override
          protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException(REGEX_REFUSED);
          }
        };
    parser.setAllowLeadingWildcard(false);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    Query query;
    try {
      query = parser.parse(q);
    } catch (ParseException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      if (msg.contains(REGEX_REFUSED)) {
        throw new QueryException(
            "regex-not-allowed", "regular expressions (/.../) are not supported in queries");
      }
      if (msg.contains("not allowed as first character")) {
        throw new QueryException("leading-wildcard", "a term may not start with * or ?");
      }
      throw new QueryException("query-syntax", "cannot parse query: " + firstLine(msg));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QueryException(
          "too-many-clauses", "the query has more than " + MAX_CLAUSES + " clauses");
    } catch (TooComplexToDeterminizeException e) {
      throw new QueryException(
          "query-too-complex", "a wildcard or fuzzy term in the query is too complex");
    }
    return query;
  }

  private static String firstLine(String s) {
    String line = s.lines().findFirst().orElse(s);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  @Override
  public Optional<ClassifiedItem> get(ItemId id) throws IOException {
    return findDoc(id).map(d -> Topic.ITEMS_CLASSIFIED.codec().decode(d.get(JSON)));
  }

  @Override
  public Optional<Stored> stored(ItemId id) throws IOException {
    return findDoc(id).map(d -> new Stored(d.get(HASH), d.get(MODEL)));
  }

  private Optional<Document> findDoc(ItemId id) throws IOException {
    return withFreshSearcher(
        searcher -> {
          TopDocs top = searcher.search(new TermQuery(new Term(ID, id.value())), 1);
          if (top.scoreDocs.length == 0) {
            return Optional.empty();
          }
          return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc));
        });
  }

  @Override
  public void scan(java.util.function.Consumer<ClassifiedItem> consumer) throws IOException {
    withFreshSearcher(
        searcher -> {
          for (org.apache.lucene.index.LeafReaderContext leaf :
              searcher.getIndexReader().leaves()) {
            org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
            org.apache.lucene.index.StoredFields fields = leaf.reader().storedFields();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
              if (live == null || live.get(doc)) {
                String json = fields.document(doc, Set.of(JSON)).get(JSON);
                consumer.accept(Topic.ITEMS_CLASSIFIED.codec().decode(json));
              }
            }
          }
          return null;
        });
  }

  @Override
  public List<Discussion> discussionsOf(io.themewire.core.message.CanonicalUrl url)
      throws IOException {
    return withFreshSearcher(
        searcher -> {
          return discussions(searcher, url.value());
        });
  }

  private static List<Discussion> discussions(IndexSearcher searcher, String url)
      throws IOException {
    if (url == null) {
      return List.of();
    }
    Query q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(DISCUSSES, url)), BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(THREAD_STORY, "true")), BooleanClause.Occur.FILTER)
            .build();
    List<Discussion> out = new ArrayList<>();
    Sort byPoints = new Sort(new SortField(POINTS, SortField.Type.LONG, true));
    for (ScoreDoc sd : searcher.search(q, MAX_DISCUSSIONS, byPoints).scoreDocs) {
      RawItem story =
          Topic.ITEMS_CLASSIFIED
              .codec()
              .decode(searcher.storedFields().document(sd.doc).get(JSON))
              .item();
      out.add(
          new Discussion(
              story.id().value(),
              story.url() == null ? null : story.url().value(),
              story.title(),
              story.source().id(),
              story.source().name(),
              story.engagement() == null ? null : story.engagement().points(),
              story.engagement() == null ? null : story.engagement().comments()));
    }
    return out;
  }

  @Override
  public List<ThemeCount> themeCounts() throws IOException {
    return withFreshSearcher(
        searcher -> {
          Set<String> themes = new TreeSet<>();
          for (String field : List.of(THEME, PRIMARY)) {
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
            long primary = searcher.count(new TermQuery(new Term(PRIMARY, theme)));
            long any = searcher.count(new TermQuery(new Term(THEME, theme)));
            if (primary > 0 || any > 0) {
              out.add(new ThemeCount(theme, primary, any));
            }
          }
          return out;
        });
  }

  @Override
  public long count() throws IOException {
    return withFreshSearcher(
        searcher -> {
          return searcher.count(new MatchAllDocsQuery());
        });
  }

  /** Work on a searcher. */
  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code work} on a searcher that sees every write made so far, and releases it. */
  private <T> T withFreshSearcher(SearcherWork<T> work) throws IOException {
    searchers.maybeRefresh();
    IndexSearcher searcher = searchers.acquire();
    try {
      return work.apply(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      if (writer != null && writer.isOpen()) {
        writer.commit();
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
      directory.close();
    }
  }
}
