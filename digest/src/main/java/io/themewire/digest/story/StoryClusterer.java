package io.themewire.digest.story;

import java.util.List;

/**
 * Groups items into stories.
 *
 * <p>Contract: every input item is in exactly one story; the result depends only on the set of
 * items given, not on their order (the same set always gives the same stories, ids, headlines and
 * reasons, in the same order); stories come largest first, then by id. Implementations are
 * thread-safe and hold no state between calls.
 */
public interface StoryClusterer {

  /**
   * Clusters {@code items} into stories.
   *
   * @throws IllegalArgumentException when two items share an id
   */
  List<Story> cluster(List<StoryItem> items);

  /** The default clusterer: see {@link AgglomerativeStoryClusterer}. */
  static StoryClusterer standard() {
    return new AgglomerativeStoryClusterer(AgglomerativeStoryClusterer.Settings.DEFAULTS);
  }
}
