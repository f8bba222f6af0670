package io.themewire.digest.story;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ThemeScore;
import io.themewire.index.ArticleReader;
import io.themewire.index.search.SearchRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stories of a period, read from the index: every item published in {@code [from, to)}
 * (optionally only those labelled with one theme), clustered. Thread-safe.
 */
public final class StoryQuery {

  /** Most items one query clusters; a wider window is refused rather than answered slowly. */
  public static final int DEFAULT_MAX_ITEMS = 20_000;

  private final ArticleReader reader;
  private final StoryClusterer clusterer;
  private final int maxItems;

  public StoryQuery(ArticleReader reader, StoryClusterer clusterer, int maxItems) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems must be at least 1, got " + maxItems);
    }
    this.maxItems = maxItems;
  }

  /** More items in the window than the query may cluster. */
  public static final class TooManyItemsException extends IllegalArgumentException {
    public TooManyItemsException(int limit) {
      super("the period holds more than " + limit + " items; narrow from/to or add a theme");
    }
  }

  /**
   * A story with the themes of its members.
   *
   * @param story the story
   * @param themes the themes its members are labelled with, most members first, then by id
   * @param items the stored items of the members, by id
   */
  public record ThemedStory(Story story, List<String> themes, Map<String, ClassifiedItem> items) {}

  /**
   * The stories of items published in {@code [from, to)}, largest first.
   *
   * @param theme only items labelled with this theme (any of their themes), or null for all
   * @throws TooManyItemsException when more than the limit of items match
   */
  public List<ThemedStory> find(Instant from, Instant to, String theme) throws IOException {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Map<String, ClassifiedItem> byId = new HashMap<>();
    int[] over = {0};
    // The index filters the window; the theme is checked here, as an item's primary theme counts
    // too and the index's theme field holds only the scored themes.
    SearchRequest window =
        new SearchRequest("", null, null, null, from, to, SearchRequest.Sort.RELEVANCE, 1);
    reader.scan(
        window,
        item -> {
          if (theme != null && !hasTheme(item, theme)) {
            return;
          }
          if (byId.size() >= maxItems) {
            over[0]++;
            return;
          }
          byId.put(item.id().value(), item);
        });
    if (over[0] > 0) {
      throw new TooManyItemsException(maxItems);
    }
    List<StoryItem> items = new ArrayList<>();
    for (ClassifiedItem c : byId.values()) {
      items.add(StoryItem.of(c));
    }
    List<ThemedStory> out = new ArrayList<>();
    for (Story s : clusterer.cluster(items)) {
      Map<String, ClassifiedItem> members = new LinkedHashMap<>();
      Map<String, Integer> counts = new HashMap<>();
      for (StoryMember m : s.members()) {
        ClassifiedItem c = byId.get(m.item().id());
        members.put(m.item().id(), c);
        for (ThemeScore ts : c.themes()) {
          counts.merge(ts.theme(), 1, Integer::sum);
        }
      }
      List<String> themes =
          counts.entrySet().stream()
              .sorted(
                  Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                      .thenComparing(Map.Entry::getKey))
              .map(Map.Entry::getKey)
              .toList();
      out.add(new ThemedStory(s, themes, members));
    }
    return out;
  }

  private static boolean hasTheme(ClassifiedItem item, String theme) {
    if (theme.equals(item.primary())) {
      return true;
    }
    for (ThemeScore ts : item.themes()) {
      if (ts.theme().equals(theme)) {
        return true;
      }
    }
    return false;
  }
}
