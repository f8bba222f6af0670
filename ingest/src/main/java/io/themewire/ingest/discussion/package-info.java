/**
 * Discussion threads and social posts in their JSON shapes — Hacker News (Algolia items and search,
 * the official API), Reddit listings and comment pages, Mastodon statuses, Bluesky feeds and
 * threads, and a JSON Lines posts import — read into {@link io.themewire.core.message.RawItem}s
 * with stable ids, parent and thread ids, the article discussed and engagement. Each shape is a
 * package-private {@link io.themewire.ingest.discussion.DiscussionFormat}; read {@link
 * io.themewire.ingest.discussion.DiscussionFormats} first, the front door that picks the format.
 */
package io.themewire.ingest.discussion;
