package io.themewire.ingest.discussion;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;

/**
 * The identity of Hacker News items, shared by the three HN formats so that a story read from the
 * Algolia item API, the Algolia search API or the official API gets one id and one URL.
 */
final class HackerNews {

  /** The source id of Hacker News items. */
  static final String SOURCE_ID = "hn";

  static final Source SOURCE = new Source(SOURCE_ID, "Hacker News", SourceKind.DISCUSSION);

  private HackerNews() {}

  /** The id of the HN item with this numeric id (given as text). */
  static ItemId id(String hnId) {
    return ItemId.of(SOURCE_ID, hnId);
  }

  /** The item's page on news.ycombinator.com, or null when the id is not a number. */
  static CanonicalUrl url(String hnId) {
    if (hnId == null || !hnId.matches("[0-9]{1,19}")) {
      return null;
    }
    return new CanonicalUrl("https://news.ycombinator.com/item?id=" + hnId);
  }
}
