package io.themewire.index.search;

/**
 * A discussion thread about an item: "discussed on Hacker News (212 points, 48 comments)".
 *
 * @param id the thread's story item id
 * @param url the thread's own URL, or null
 * @param title the thread's title
 * @param source source id ({@code hn}, {@code reddit}, ...)
 * @param sourceName the source's display name
 * @param points votes, or null when the source has none
 * @param comments comment count, or null when the source does not say
 */
public record Discussion(
    String id,
    String url,
    String title,
    String source,
    String sourceName,
    Integer points,
    Integer comments) {}
