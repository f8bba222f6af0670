package io.themewire.index;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import java.io.IOException;
import java.util.Optional;

/**
 * The searchable store of classified items, read and write: one document per item id, so writing an
 * item again replaces it. Thread-safe: writes and searches may run at once; a search sees writes
 * after the next refresh (at most a second or so), and writes survive a crash once {@link
 * #commit()} returns. Code that only reads takes an {@link ArticleReader}.
 */
public interface ArticleIndex extends ArticleReader {

  /** Adds the item, or replaces the stored one with the same id. */
  void upsert(ClassifiedItem item) throws IOException;

  /** Makes every write so far durable. */
  void commit() throws IOException;

  /**
   * Why the index cannot write now (the last commit failed on a full disk, the writer is gone), for
   * {@code /ready}; empty when it can. An index that cannot fail to write says empty.
   */
  default Optional<String> writeFailure() {
    return Optional.empty();
  }

  /**
   * The content hash and model version stored for this id, so that ingest can skip items that are
   * unchanged and already labelled by the current model.
   */
  Optional<Stored> stored(ItemId id) throws IOException;

  /** What is stored of an item's provenance. */
  record Stored(String contentHash, String modelVersion) {}
}
