package io.themewire.index.search;

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
 * @param score relevance score
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
    float score) {}
