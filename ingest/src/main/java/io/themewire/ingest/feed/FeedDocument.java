package io.themewire.ingest.feed;

import java.util.List;

/**
 * A feed as a reader found it, in any format: its title as plain text (null if none), its home page
 * link as written (null if none) and its entries in document order.
 */
record FeedDocument(String title, String link, List<FeedEntry> entries) {
  FeedDocument {
    entries = List.copyOf(entries);
  }
}
