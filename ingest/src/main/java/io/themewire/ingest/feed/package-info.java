/**
 * Feeds: RSS, Atom and RDF through ROME, and the date forms they use. Read {@link
 * io.themewire.ingest.feed.FeedParser}.
 */
package io.themewire.ingest.feed;
