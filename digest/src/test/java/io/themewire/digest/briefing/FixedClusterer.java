package io.themewire.digest.briefing;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ItemId;
import io.themewire.digest.story.MemberRole;
import io.themewire.digest.story.Story;
import io.themewire.digest.story.StoryClusterer;
import io.themewire.digest.story.StoryItem;
import io.themewire.digest.story.StoryMember;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-written clusterer for tests of what the briefing does with stories: items whose URLs are
 * listed together form one story (sources in the order listed, then discussions); every other item
 * is a story of its own. Keeps the briefing's tests independent of how the real clusterer decides.
 */
final class FixedClusterer implements StoryClusterer {

  private final Map<String, Integer> groupOf = new HashMap<>();
  private final Map<String, Integer> orderOf = new HashMap<>();

  /** Each argument is one story's member URLs. */
  FixedClusterer(List<List<String>> groups) {
    for (int g = 0; g < groups.size(); g++) {
      for (int i = 0; i < groups.get(g).size(); i++) {
        String id = ItemId.of(new CanonicalUrl(groups.get(g).get(i))).value();
        groupOf.put(id, g);
        orderOf.put(id, i);
      }
    }
  }

  @Override
  public List<Story> cluster(List<StoryItem> items) {
    Map<String, List<StoryItem>> byKey = new TreeMap<>();
    for (StoryItem item : items) {
      Integer g = groupOf.get(item.id());
      byKey
          .computeIfAbsent(g == null ? "single:" + item.id() : "group:" + g, k -> new ArrayList<>())
          .add(item);
    }
    List<Story> stories = new ArrayList<>();
    for (List<StoryItem> members : byKey.values()) {
      members.sort(
          Comparator.comparing(StoryItem::isDiscussion)
              .thenComparing(i -> orderOf.getOrDefault(i.id(), 0))
              .thenComparing(StoryItem::id));
      List<StoryMember> told = new ArrayList<>();
      String lead = null;
      for (StoryItem item : members) {
        if (item.isDiscussion() && lead != null) {
          told.add(new StoryMember(item, MemberRole.DISCUSSION, lead));
        } else {
          told.add(new StoryMember(item, MemberRole.SOURCE, null));
          lead = lead == null ? item.id() : lead;
        }
      }
      List<String> ids = members.stream().map(StoryItem::id).toList();
      stories.add(new Story(Story.idOf(ids), members.get(0).title(), told, "listed together"));
    }
    stories.sort(
        Comparator.comparingInt((Story s) -> -s.members().size()).thenComparing(Story::id));
    return stories;
  }
}
