package io.themewire.ingest.feed;

import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import java.util.List;

/**
 * A feed as read: the source it describes, its home page link (null if none), and its entries as
 * raw items in document order.
 */
public record ParsedFeed(Source source, String link, List<RawItem> items) {
  public ParsedFeed {
    items = List.copyOf(items);
  }
}
