/**
 * Discussion threads and posts. Read {@link io.themewire.ingest.discussion.HackerNewsThreadParser}.
 */
package io.themewire.ingest.discussion;
