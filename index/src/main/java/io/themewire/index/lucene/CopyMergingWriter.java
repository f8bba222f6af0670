package io.themewire.index.lucene;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.SourceKind;
import io.themewire.index.dedup.SimHash;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The write side: upserts items by id into a Lucene {@link IndexWriter}, merging each with what is
 * stored already (another source of the same id, a near-copy of a stored text), and commits. The
 * only holder of the writer. Writes are serialised (synchronized).
 */
final class CopyMergingWriter implements AutoCloseable {

  /** Candidates compared word by word at most per item: a cap on the cost of one write. */
  static final int MAX_COPY_CHECKS = 5;

  /**
   * Writes held in {@link #pending} before the reader is reopened. Each reopen flushes a segment,
   * so a small limit means many small segments to merge (500 cost the index stage half its speed at
   * 100,000 items); pending writes are scanned as an array of fingerprints, so a large one is
   * cheap.
   */
  static final int PENDING_LIMIT = 10_000;

  private final IndexWriter writer;
  private final Searchers searchers;

  /** The failure of the last commit, null once one succeeds. */
  private Throwable failure;

  /**
   * Writes since the last refresh of the reader used for merging, by id: merging reads these first,
   * so that upserts need not reopen the reader each time (which cost a tiny segment per item and
   * cut indexing to a few dozen items a second).
   */
  private final Map<ItemId, Pending> pending = new LinkedHashMap<>();

  /**
   * The pending writes in write order (a replaced one stays, skipped as stale) and their prints.
   */
  private Pending[] pendingOrder = new Pending[1024];

  private long[] pendingPrints = new long[1024];
  private int pendingCount;

  /**
   * A write not yet visible to the merging reader, with its fingerprint (null: too short) and the
   * ids of the copies merged into it.
   */
  private static final class Pending {
    final ClassifiedItem item;
    final Long fingerprint;
    final Set<String> mergedIds;
    private long[] shingles;

    Pending(ClassifiedItem item, Long fingerprint, Set<String> mergedIds) {
      this.item = item;
      this.fingerprint = fingerprint;
      this.mergedIds = mergedIds;
    }

    ClassifiedItem item() {
      return item;
    }

    Long fingerprint() {
      return fingerprint;
    }

    Set<String> mergedIds() {
      return mergedIds;
    }

    /** The item's word 3-grams, computed when it is first a candidate. */
    long[] shingles() {
      if (shingles == null) {
        shingles = SimHash.shingles(item.item().text());
      }
      return shingles;
    }
  }

  /** The word 3-grams of the item being written, computed when first compared. */
  private static final class Mine {
    private final RawItem raw;
    private long[] shingles;

    Mine(RawItem raw) {
      this.raw = raw;
    }

    long[] shingles() {
      if (shingles == null) {
        shingles = SimHash.shingles(raw.text());
      }
      return shingles;
    }
  }

  /**
   * What is stored for an id: the item and the ids of the copies merged into it; {@code fresh} when
   * it is the written item itself and no document holds its id yet.
   */
  private record Stored(ClassifiedItem item, Set<String> mergedIds, boolean fresh) {
    Stored(ClassifiedItem item, Set<String> mergedIds) {
      this(item, mergedIds, false);
    }
  }

  /** {@code searchers} must be opened on {@code writer} (near-real-time). */
  CopyMergingWriter(IndexWriter writer, Searchers searchers) {
    this.writer = writer;
    this.searchers = searchers;
  }

  synchronized void upsert(ClassifiedItem item) throws IOException {
    Long fingerprint = SimHash.of(item.item().text());
    Mine mine = new Mine(item.item());
    Stored merged = merge(item, fingerprint, mine);
    ClassifiedItem stored = merged.item();
    long[] shingles;
    if (stored.item().contentHash().equals(item.item().contentHash())) {
      shingles = fingerprint == null ? null : mine.shingles(); // computed once for both uses
    } else {
      fingerprint = SimHash.of(stored.item().text()); // the write kept an earlier text
      shingles = fingerprint == null ? null : SimHash.shingles(stored.item().text());
    }
    Document doc = IndexSchema.toDocument(stored, fingerprint, shingles);
    IndexSchema.addMergedIds(doc, merged.mergedIds());
    try {
      if (merged.fresh()) {
        // no document holds this id (neither the reader nor a pending write): nothing to delete,
        // so the writer is spared a delete-by-term to resolve against every segment
        writer.addDocument(doc);
      } else {
        writer.updateDocument(new Term(IndexSchema.ID, stored.id().value()), doc);
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
      throw e;
    }
    Pending written = new Pending(stored, fingerprint, merged.mergedIds());
    if (shingles != null) {
      written.shingles = shingles;
    }
    pending.put(stored.id(), written);
    if (fingerprint != null) {
      if (pendingCount == pendingOrder.length) {
        pendingOrder = Arrays.copyOf(pendingOrder, 2 * pendingCount);
        pendingPrints = Arrays.copyOf(pendingPrints, 2 * pendingCount);
      }
      pendingOrder[pendingCount] = written;
      pendingPrints[pendingCount++] = fingerprint;
    }
    if (pending.size() >= PENDING_LIMIT) {
      refreshWrites();
    }
  }

  synchronized void commit() throws IOException {
    try {
      writer.commit();
    } catch (IOException | RuntimeException e) {
      failure = e;
      throw e;
    }
    failure = null;
    refreshWrites();
  }

  /**
   * Why this writer cannot write: the failure of the last commit (a full disk, say) until a commit
   * succeeds, or the tragic event that closed the writer (then for good); empty when it can.
   */
  synchronized Optional<String> writeFailure() {
    Throwable t = writer.getTragicException();
    if (t == null && !writer.isOpen()) {
      return Optional.of("the index writer is closed");
    }
    if (t == null) {
      t = failure;
    }
    return t == null ? Optional.empty() : Optional.of(describe(t));
  }

  /** Whether a tragic event (or a close) ended the writer: only reopening the index helps. */
  synchronized boolean writerLost() {
    return writer.getTragicException() != null || !writer.isOpen();
  }

  private static String describe(Throwable t) {
    StringBuilder out = new StringBuilder(t.toString());
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      out.append("; caused by ").append(c);
    }
    return out.toString();
  }

  /** Commits, saving {@code userData} in the commit itself (kept by later commits too). */
  synchronized void commit(Map<String, String> userData) throws IOException {
    writer.setLiveCommitData(Map.copyOf(userData).entrySet());
    commit();
  }

  /** The user data of the last commit (or of the pending one, once set). */
  synchronized Map<String, String> commitData() {
    Map<String, String> m = new java.util.HashMap<>();
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        m.put(e.getKey(), e.getValue());
      }
    }
    return m;
  }

  private void refreshWrites() throws IOException {
    searchers.refreshBlocking();
    pending.clear();
    Arrays.fill(pendingOrder, 0, pendingCount, null);
    pendingCount = 0;
  }

  /** The newest version of an item for merging: a pending write, else the current reader's. */
  private Optional<Stored> latest(ItemId id) throws IOException {
    Pending p = pending.get(id);
    if (p != null) {
      return Optional.of(new Stored(p.item(), p.mergedIds()));
    }
    BytesRef term = new BytesRef(id.value());
    return searchers.current(
        searcher -> {
          // the id's postings read leaf by leaf (at most one live document holds an id), without
          // the scoring and collecting of a search
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(IndexSchema.ID);
            if (terms == null) {
              continue;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(term)) {
              continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
            for (int doc = docs.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = docs.nextDoc()) {
              if (live == null || live.get(doc)) {
                return Optional.of(stored(leaf.reader().storedFields().document(doc)));
              }
            }
          }
          return Optional.<Stored>empty();
        });
  }

  private static Stored stored(Document d) {
    return new Stored(
        IndexSchema.item(d), new TreeSet<>(Arrays.asList(d.getValues(IndexSchema.ALSO_ID))));
  }

  /** {@code ids} and {@code copy}'s id. */
  private static Set<String> plus(Set<String> ids, ItemId copy) {
    Set<String> all = new TreeSet<>(ids);
    all.add(copy.value());
    return all;
  }

  /**
   * What to store for {@code item}, given what is stored already:
   *
   * <ul>
   *   <li>the same id from another source (one guid in two feeds): the first sighting stays, and
   *       lists the other source;
   *   <li>the same id from the same source: the new version, keeping the copies and sources
   *       gathered so far;
   *   <li>a new id that {@link #isCopy is a copy} of a stored item: the stored item, listing this
   *       copy's URL, source and id — a syndicated story stays one item, and the copy's id still
   *       finds it.
   * </ul>
   */
  private Stored merge(ClassifiedItem item, Long fingerprint, Mine mine) throws IOException {
    RawItem raw = item.item();
    Optional<Stored> existing = latest(item.id());
    if (existing.isPresent()) {
      ClassifiedItem was = existing.get().item();
      RawItem old = was.item();
      if (!old.source().id().equals(raw.source().id())) {
        return new Stored(
            was.withItem(old.alsoSeen(null, raw.source().id())), existing.get().mergedIds());
      }
      RawItem kept = raw;
      for (CanonicalUrl u : old.alsoAt()) {
        kept = kept.alsoSeen(u, null);
      }
      for (String src : old.alsoIn()) {
        kept = kept.alsoSeen(null, src);
      }
      return new Stored(item.withItem(kept), existing.get().mergedIds());
    }
    if (fingerprint == null) {
      return new Stored(item, Set.of(), true);
    }
    Optional<Stored> original = nearCopyOf(fingerprint, raw, mine);
    if (original.isEmpty()) {
      return new Stored(item, Set.of(), true);
    }
    ClassifiedItem into = original.get().item();
    return new Stored(
        into.withItem(into.item().alsoSeen(raw.url(), raw.source().id())),
        plus(original.get().mergedIds(), item.id()));
  }

  /**
   * Whether {@code copy} is a copy of {@code original} — one text published twice — rather than a
   * second post that happens to share sentences with it (a template, a quoted paragraph):
   *
   * <ul>
   *   <li>both have enough text to tell ({@value SimHash#MIN_WORDS} words, checked by the caller
   *       through the fingerprints);
   *   <li>posts and comments of a discussion network are merged only with posts by the same named
   *       author: two people writing the same words are two posts;
   *   <li>over the whole text, word 3-grams at least {@value SimHash#MIN_RESEMBLANCE} alike
   *       (Jaccard) and at least {@value SimHash#MIN_CONTAINMENT} of the shorter text's 3-grams in
   *       the longer one, so that changed details scattered through a template keep it apart.
   * </ul>
   */
  static boolean isCopy(RawItem copy, RawItem original) {
    return isCopy(copy, new Mine(copy), original, SimHash.shingles(original.text()));
  }

  /** {@link #isCopy(RawItem, RawItem)} with the 3-grams of either text computed at most once. */
  private static boolean isCopy(RawItem copy, Mine mine, RawItem original, long[] theirs) {
    if (copy.id().equals(original.id())) {
      return false;
    }
    if ((networkPost(copy) || networkPost(original))
        && !sameAuthor(copy.author(), original.author())) {
      return false;
    }
    long[] ours = mine.shingles();
    return SimHash.resemblance(ours, theirs) >= SimHash.MIN_RESEMBLANCE
        && SimHash.containment(ours, theirs) >= SimHash.MIN_CONTAINMENT;
  }

  /** Whether the network-post rule alone keeps {@code copy} apart from {@code original}. */
  private static boolean otherAuthorsPost(RawItem copy, RawItem original) {
    return (networkPost(copy) || networkPost(original))
        && !sameAuthor(copy.author(), original.author());
  }

  private static boolean networkPost(RawItem item) {
    SourceKind kind = item.source().kind();
    return kind == SourceKind.POST
        || kind == SourceKind.DISCUSSION
        || item.parentId() != null
        || item.threadId() != null;
  }

  private static boolean sameAuthor(String a, String b) {
    return a != null
        && b != null
        && !a.isBlank()
        && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }

  private Optional<Stored> nearCopyOf(long fingerprint, RawItem raw, Mine mine) throws IOException {
    int checks = 0;
    for (int i = 0; i < pendingCount; i++) {
      if (SimHash.distance(fingerprint, pendingPrints[i]) > SimHash.MAX_DISTANCE) {
        continue;
      }
      Pending p = pendingOrder[i];
      if (pending.get(p.item().id()) == p && !p.item().id().equals(raw.id())) {
        RawItem other = p.item().item();
        if (!otherAuthorsPost(raw, other) && isCopy(raw, mine, other, p.shingles())) {
          return Optional.of(new Stored(p.item(), p.mergedIds()));
        }
        if (++checks >= MAX_COPY_CHECKS) {
          return Optional.empty();
        }
      }
    }
    List<BytesRef> probes = new ArrayList<>();
    for (String band : SimHash.probes(fingerprint)) {
      probes.add(new BytesRef(band));
    }
    Query anyBand = new TermInSetQuery(IndexSchema.SIMHASH_BAND, probes);
    return searchers.current(searcher -> bandMatch(searcher, anyBand, fingerprint, raw, mine));
  }

  /**
   * The first stored item among the band matches that {@link #isCopy is a copy} of {@code raw},
   * trying the closest fingerprints first and at most {@link #MAX_COPY_CHECKS} of them. Every band
   * match is judged from doc values (fingerprint distance, then the 3-gram sketch) before any item
   * is read, so that a large index of similar texts costs postings, not stored reads.
   */
  private Optional<Stored> bandMatch(
      IndexSearcher searcher, Query anyBand, long fingerprint, RawItem raw, Mine mine)
      throws IOException {
    CopyCandidates candidates =
        new CopyCandidates(fingerprint, mine.shingles(), 2 * MAX_COPY_CHECKS);
    searcher.search(anyBand, candidates);
    StoredFields fields = searcher.storedFields();
    int checks = 0;
    for (int doc : candidates.closestFirst()) {
      Document d = fields.document(doc);
      String id = d.get(IndexSchema.ID);
      if (id.equals(raw.id().value()) || pending.containsKey(new ItemId(id))) {
        continue; // a pending write is newer than this document and was checked above
      }
      Stored candidate = stored(d);
      RawItem original = candidate.item().item();
      if (otherAuthorsPost(raw, original)) {
        continue;
      }
      if (isCopy(raw, mine, original, SimHash.shingles(original.text()))) {
        return Optional.of(candidate);
      }
      if (++checks >= MAX_COPY_CHECKS) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * Gathers the band matches within {@link SimHash#MAX_DISTANCE} bits whose 3-gram sketch is alike
   * enough ({@link SimHash#MIN_SKETCH_RESEMBLANCE}), keeping the {@code max} closest.
   */
  private static final class CopyCandidates extends SimpleCollector {
    private final long fingerprint;
    private final long[] shingles;
    private final int max;
    private final long[] best; // distance << 32 | global doc, ascending
    private int n;
    private int base;
    private NumericDocValues fingerprints;
    private BinaryDocValues sketches;

    CopyCandidates(long fingerprint, long[] shingles, int max) {
      this.fingerprint = fingerprint;
      this.shingles = shingles;
      this.max = max;
      this.best = new long[max];
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      base = context.docBase;
      fingerprints = DocValues.getNumeric(context.reader(), IndexSchema.SIMHASH);
      sketches = DocValues.getBinary(context.reader(), IndexSchema.SHINGLE_SKETCH);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (!fingerprints.advanceExact(doc)) {
        return;
      }
      int distance = SimHash.distance(fingerprint, fingerprints.longValue());
      if (distance > SimHash.MAX_DISTANCE) {
        return;
      }
      long key = ((long) distance << 32) | (base + doc);
      if (n == max && key >= best[n - 1]) {
        return;
      }
      if (sketches.advanceExact(doc)) {
        BytesRef b = sketches.binaryValue();
        if (SimHash.sketchResemblance(shingles, b.bytes, b.offset, b.length)
            < SimHash.MIN_SKETCH_RESEMBLANCE) {
          return;
        }
      }
      int at = n == max ? n - 1 : n++;
      while (at > 0 && best[at - 1] > key) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = key;
    }

    /** The gathered documents (global ids), closest fingerprint first. */
    int[] closestFirst() {
      int[] docs = new int[n];
      for (int i = 0; i < n; i++) {
        docs[i] = (int) best[i];
      }
      return docs;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** Commits what is pending and closes the writer. */
  @Override
  public synchronized void close() throws IOException {
    try {
      if (writer.isOpen()) {
        writer.commit();
      }
    } finally {
      writer.close();
    }
  }
}
