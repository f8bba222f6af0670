/**
 * Stories: items that report one development, across sources. Read {@link
 * io.themewire.digest.story.StoryClusterer} first; {@link io.themewire.digest.story.Story} is what
 * it returns, {@link io.themewire.digest.story.StoryItem} what it reads, and {@link
 * io.themewire.digest.story.ClusterScore} scores a clustering against labelled groups.
 */
package io.themewire.digest.story;
