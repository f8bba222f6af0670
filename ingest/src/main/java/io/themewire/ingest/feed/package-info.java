/**
 * Feeds: RSS, Atom and RDF through ROME, with a lenient jsoup reader for documents ROME refuses;
 * JSON Feed; the charsets and date forms they come in. Read {@link
 * io.themewire.ingest.feed.FeedParser} first; {@link io.themewire.ingest.feed.ParsedFeed} says what
 * a degraded feed is.
 */
package io.themewire.ingest.feed;
