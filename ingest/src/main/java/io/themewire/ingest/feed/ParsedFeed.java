package io.themewire.ingest.feed;

import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import java.util.List;
import java.util.Objects;

/**
 * A feed as read: the source it describes, its home page link, and its entries as raw items in
 * document order.
 *
 * <p>A feed is {@code degraded} when it could not be read exactly as written: the document is not
 * well-formed XML and was read by the lenient reader ({@code "lenient: ..."}) or after ROME's
 * entity and prolog repairs ({@code "healed: ..."}), or its bytes were not in the charset it
 * declared, or it declared none and the charset was guessed ({@code "charset: ..."}). Its items are
 * still the best reading of the document; the reason says what to tell the feed's owner.
 *
 * @param source the source the feed describes; never null
 * @param link the feed's home page link as written, null if none
 * @param items the entries, never null, possibly empty; immutable
 * @param degraded whether the document was not read exactly as written
 * @param degradedReason one line saying why, such as {@code "lenient: Invalid XML"}; non-null
 *     exactly when {@code degraded}
 */
public record ParsedFeed(
    Source source, String link, List<RawItem> items, boolean degraded, String degradedReason) {

  public ParsedFeed {
    Objects.requireNonNull(source, "source");
    items = List.copyOf(items);
    if (degraded && (degradedReason == null || degradedReason.isBlank())) {
      throw new IllegalArgumentException("a degraded feed needs a reason");
    }
    if (!degraded && degradedReason != null) {
      throw new IllegalArgumentException(
          "a feed that is not degraded has no degraded reason, got '" + degradedReason + "'");
    }
  }

  /** A feed read exactly as written. */
  public ParsedFeed(Source source, String link, List<RawItem> items) {
    this(source, link, items, false, null);
  }
}
