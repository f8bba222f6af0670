package io.themewire.index.search;

import io.themewire.core.message.Direction;
import java.time.Instant;
import java.util.List;

/**
 * One hit.
 *
 * @param id item id
 * @param url canonical URL, or null
 * @param title title
 * @param source source id
 * @param sourceName source's display name
 * @param kind source kind
 * @param published publication time
 * @param primary primary theme
 * @param themes every theme the item carries
 * @param discussions threads that discuss this item, most points first
 * @param snippet a short passage of the text with query terms wrapped in {@code <mark>}; all other
 *     text is HTML-escaped, so the snippet is safe to render as HTML
 * @param score relevance score (0 in a newest-first search)
 * @param site the host of the item's URL without {@code www.}, or null
 * @param author byline, or null
 * @param direction the career move described, or null
 * @param alsoAt other URLs carrying the same story (near-identical copies kept as this item)
 * @param confidence the calibrated chance that {@code primary} is right, or null when the item was
 *     labelled without one
 * @param uncertain whether the classifier called the primary theme uncertain
 */
public record SearchHit(
    String id,
    String url,
    String title,
    String source,
    String sourceName,
    String kind,
    Instant published,
    String primary,
    List<String> themes,
    List<Discussion> discussions,
    String snippet,
    float score,
    String site,
    String author,
    Direction direction,
    List<String> alsoAt,
    Double confidence,
    boolean uncertain) {

  public SearchHit {
    themes = List.copyOf(themes);
    discussions = List.copyOf(discussions);
    alsoAt = alsoAt == null ? List.of() : List.copyOf(alsoAt);
  }
}
