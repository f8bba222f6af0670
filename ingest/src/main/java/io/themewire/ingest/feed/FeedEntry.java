package io.themewire.ingest.feed;

import java.time.Instant;

/**
 * One entry as a reader found it, in any feed format, before it becomes a raw item.
 *
 * @param title the title as plain text, never null (empty when none)
 * @param link the entry's link as written (maybe relative), null if none
 * @param guid the entry's own identifier (RSS guid, Atom id, JSON Feed id), null if none
 * @param author the author's name or address, null if none
 * @param published when it was published, else when it was last updated, null if neither
 * @param text the content as plain text, never null
 * @param fallbackKey what identifies the entry when it has neither a link nor a guid
 */
record FeedEntry(
    String title,
    String link,
    String guid,
    String author,
    Instant published,
    String text,
    String fallbackKey) {}
