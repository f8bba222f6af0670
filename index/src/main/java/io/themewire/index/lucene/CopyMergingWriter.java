package io.themewire.index.lucene;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.index.dedup.SimHash;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The write side: upserts items by id into a Lucene {@link IndexWriter}, merging each with what is
 * stored already (another source of the same id, a near-copy of a stored text), and commits. The
 * only holder of the writer. Writes are serialised (synchronized).
 */
final class CopyMergingWriter implements AutoCloseable {

  /** Candidates compared word by word at most per item: a cap on the cost of one write. */
  static final int MAX_COPY_CHECKS = 5;

  /** Writes held in {@link #pending} before the reader is reopened. */
  static final int PENDING_LIMIT = 500;

  private final IndexWriter writer;
  private final Searchers searchers;

  /**
   * Writes since the last refresh of the reader used for merging, by id: merging reads these first,
   * so that upserts need not reopen the reader each time (which cost a tiny segment per item and
   * cut indexing to a few dozen items a second).
   */
  private final Map<ItemId, Pending> pending = new LinkedHashMap<>();

  /** A write not yet visible to the merging reader, with its fingerprint (null: too short). */
  private record Pending(ClassifiedItem item, Long fingerprint) {}

  /** {@code searchers} must be opened on {@code writer} (near-real-time). */
  CopyMergingWriter(IndexWriter writer, Searchers searchers) {
    this.writer = writer;
    this.searchers = searchers;
  }

  synchronized void upsert(ClassifiedItem item) throws IOException {
    Long fingerprint = SimHash.of(item.item().text());
    ClassifiedItem stored = merge(item, fingerprint);
    if (!stored.item().contentHash().equals(item.item().contentHash())) {
      fingerprint = SimHash.of(stored.item().text()); // the write kept an earlier text
    }
    writer.updateDocument(
        new Term(IndexSchema.ID, stored.id().value()), IndexSchema.toDocument(stored, fingerprint));
    pending.put(stored.id(), new Pending(stored, fingerprint));
    if (pending.size() >= PENDING_LIMIT) {
      refreshWrites();
    }
  }

  synchronized void commit() throws IOException {
    writer.commit();
    refreshWrites();
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
  }

  /** The newest version of an item for merging: a pending write, else the current reader's. */
  private Optional<ClassifiedItem> latest(ItemId id) throws IOException {
    Pending p = pending.get(id);
    if (p != null) {
      return Optional.of(p.item());
    }
    return searchers.current(
        searcher -> {
          TopDocs top = searcher.search(new TermQuery(new Term(IndexSchema.ID, id.value())), 1);
          return top.scoreDocs.length == 0
              ? Optional.empty()
              : Optional.of(
                  IndexSchema.item(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
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
      for (CanonicalUrl u : old.alsoAt()) {
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
      anyBand.add(
          new TermQuery(new Term(IndexSchema.SIMHASH_BAND, band)), BooleanClause.Occur.SHOULD);
    }
    return searchers.current(
        searcher -> bandMatch(searcher, anyBand.build(), fingerprint, self, text));
  }

  private static Optional<ClassifiedItem> bandMatch(
      IndexSearcher searcher, BooleanQuery anyBand, long fingerprint, ItemId self, String text)
      throws IOException {
    for (ScoreDoc sd : searcher.search(anyBand, MAX_COPY_CHECKS).scoreDocs) {
      Document d = searcher.storedFields().document(sd.doc);
      if (d.get(IndexSchema.ID).equals(self.value()) || d.getField(IndexSchema.SIMHASH) == null) {
        continue;
      }
      long other = d.getField(IndexSchema.SIMHASH).numericValue().longValue();
      if (SimHash.distance(fingerprint, other) <= SimHash.MAX_DISTANCE
          && SimHash.resemblance(text, d.get(IndexSchema.TEXT)) >= SimHash.MIN_RESEMBLANCE) {
        return Optional.of(IndexSchema.item(d));
      }
    }
    return Optional.empty();
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
