package io.themewire.digest.briefing;

import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.Direction;
import io.themewire.core.message.Engagement;
import io.themewire.core.message.ThemeScore;
import io.themewire.digest.DayWindow;
import io.themewire.digest.story.MemberRole;
import io.themewire.digest.story.Story;
import io.themewire.digest.story.StoryClusterer;
import io.themewire.digest.story.StoryItem;
import io.themewire.digest.story.StoryMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Builds one day's briefing from the items of that day: clusters them into stories, summarizes
 * each, groups the stories by their strongest theme and ranks them.
 *
 * <p>A story's rank within its theme: {@value #SOURCE_WEIGHT} per independent site reporting it,
 * {@value #ENGAGEMENT_WEIGHT} × log10(1 + points + comments) of its members (discussion threads
 * above all), {@value #SPIKE_WEIGHT} × the spike score (capped at {@value #SPIKE_CAP}) of its most
 * spiking theme that day, and up to {@value #RECENCY_WEIGHT} for how late in the day its newest
 * member came; ties go to the smaller story id. Themes are ordered by their best story's rank, then
 * by the taxonomy's order. At most {@value #MAX_STORIES_PER_THEME} stories per theme.
 *
 * <p>A story is new unless one of its members, or an item it clusters with, was in the previous
 * briefing. Items whose only themes are {@code other} or {@code unclassified} are left out: the
 * briefing is about the taxonomy's themes.
 *
 * <p>Deterministic: the same items, day and previous briefing always give an equal briefing,
 * whatever the order of the items. Thread-safe.
 */
public final class BriefingBuilder {

  /** The most stories one theme shows. */
  public static final int MAX_STORIES_PER_THEME = 5;

  /** Themes that are not a briefing's subject. */
  public static final Set<String> OFF_TOPIC = Set.of("other", ClassifiedItem.UNCLASSIFIED);

  static final double SOURCE_WEIGHT = 1.0;
  static final double ENGAGEMENT_WEIGHT = 0.5;
  static final double SPIKE_WEIGHT = 1.0;
  static final double SPIKE_CAP = 4.0;
  static final double RECENCY_WEIGHT = 0.25;

  private final StoryClusterer clusterer;
  private final Summarizer summarizer;
  private final Map<String, String> labels;
  private final ThemeSpikes spikes;

  /**
   * @param labels theme id to label, in the taxonomy's display order
   */
  public BriefingBuilder(
      StoryClusterer clusterer,
      Summarizer summarizer,
      Map<String, String> labels,
      ThemeSpikes spikes) {
    this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
    this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
    this.labels = new LinkedHashMap<>(labels);
    this.spikes = Objects.requireNonNull(spikes, "spikes");
  }

  /** The standard clusterer and summarizer, no spikes. */
  public static BriefingBuilder standard(Map<String, String> labels) {
    return new BriefingBuilder(
        StoryClusterer.standard(), Summarizer.extractive(), labels, ThemeSpikes.none());
  }

  /** This builder with another source of spikes. */
  public BriefingBuilder withSpikes(ThemeSpikes other) {
    return new BriefingBuilder(clusterer, summarizer, labels, other);
  }

  /**
   * What the briefing before this one held, to tell what is new.
   *
   * @param briefing the previous briefing, or null when there is none
   * @param items the stored items it cited and linked, as far as they are still stored
   */
  public record Previous(Briefing briefing, List<ClassifiedItem> items) {
    public Previous {
      items = List.copyOf(items == null ? List.of() : items);
    }

    public static Previous none() {
      return new Previous(null, List.of());
    }

    /** Ids of the items the briefing cited or linked. */
    public Set<String> itemIds() {
      Set<String> ids = new HashSet<>();
      if (briefing != null) {
        for (BriefingStory s : briefing.stories()) {
          s.summary().forEach(c -> ids.addAll(c.items()));
          s.links().forEach(l -> ids.add(l.item()));
        }
      }
      ids.remove(null);
      return ids;
    }

    Set<String> urls() {
      Set<String> urls = new HashSet<>();
      if (briefing != null) {
        briefing.stories().forEach(s -> s.links().forEach(l -> urls.add(l.url())));
      }
      return urls;
    }
  }

  /**
   * The briefing of {@code day} over {@code items}: the items it may tell (the caller chooses them:
   * those published that day and the articles that day's discussions are about).
   */
  public Briefing build(DayWindow day, List<ClassifiedItem> items, Previous previous) {
    Map<String, ClassifiedItem> byId = new TreeMap<>();
    for (ClassifiedItem item : items) {
      if (onTopic(item)) {
        byId.putIfAbsent(item.id().value(), item);
      }
    }
    List<Story> stories = clusterer.cluster(storyItems(byId.values()));
    Set<String> continuing = continuing(byId, previous);
    ToDoubleFunction<String> spikesToday = spikes.on(day);
    Map<String, Double> spikeOf = new HashMap<>();

    // Rank every story on what is cheap to know; summarize only the ones shown.
    Map<String, List<Ranked>> byTheme = new HashMap<>();
    for (Story story : stories) {
      List<String> themes = themes(story, byId);
      if (themes.isEmpty()) {
        continue;
      }
      BriefingStory.Totals engagement = engagement(story, byId);
      double rank =
          rank(
              story,
              themes,
              engagement,
              day,
              t -> spikeOf.computeIfAbsent(t, spikesToday::applyAsDouble));
      byTheme
          .computeIfAbsent(themes.get(0), t -> new ArrayList<>())
          .add(new Ranked(story, themes, engagement, rank));
    }

    List<String> order = new ArrayList<>(labels.keySet());
    List<Map.Entry<String, List<Ranked>>> groups = new ArrayList<>(byTheme.entrySet());
    for (Map.Entry<String, List<Ranked>> g : groups) {
      g.getValue()
          .sort(
              Comparator.comparingDouble(Ranked::rank)
                  .reversed()
                  .thenComparing(r -> r.story().id()));
    }
    groups.sort(
        Comparator.comparingDouble(
                (Map.Entry<String, List<Ranked>> g) -> g.getValue().get(0).rank())
            .reversed()
            .thenComparingInt(g -> taxonomyOrder(order, g.getKey()))
            .thenComparing(Map.Entry::getKey));
    List<Briefing.ThemeSection> sections = new ArrayList<>();
    for (Map.Entry<String, List<Ranked>> g : groups) {
      List<BriefingStory> shown = new ArrayList<>();
      for (Ranked r :
          g.getValue().subList(0, Math.min(MAX_STORIES_PER_THEME, g.getValue().size()))) {
        Story story = r.story();
        boolean isNew = story.members().stream().noneMatch(m -> continuing.contains(m.item().id()));
        shown.add(
            new BriefingStory(
                story.id(),
                headline(story),
                isNew,
                summarizer.summarize(story, byId),
                r.themes(),
                direction(story, byId),
                r.engagement(),
                links(story, byId)));
      }
      sections.add(
          new Briefing.ThemeSection(
              g.getKey(), labels.getOrDefault(g.getKey(), g.getKey()), shown));
    }
    return new Briefing(day.date(), day.zone().getId(), sections);
  }

  private record Ranked(
      Story story, List<String> themes, BriefingStory.Totals engagement, double rank) {}

  static boolean onTopic(ClassifiedItem item) {
    if (!OFF_TOPIC.contains(item.primary())) {
      return true;
    }
    return item.themes().stream().anyMatch(t -> !OFF_TOPIC.contains(t.theme()));
  }

  private static List<StoryItem> storyItems(Iterable<ClassifiedItem> items) {
    List<StoryItem> out = new ArrayList<>();
    items.forEach(i -> out.add(StoryItem.of(i)));
    return out;
  }

  /**
   * Ids of today's items whose story goes on from the previous briefing: cited or linked there, or
   * clustered together with an item that was.
   */
  private Set<String> continuing(Map<String, ClassifiedItem> today, Previous previous) {
    Set<String> prevIds = previous.itemIds();
    Set<String> prevUrls = previous.urls();
    Set<String> out = new HashSet<>();
    for (ClassifiedItem item : today.values()) {
      CanonicalUrl url = item.item().url();
      if (prevIds.contains(item.id().value()) || (url != null && prevUrls.contains(url.value()))) {
        out.add(item.id().value());
      }
    }
    Map<String, ClassifiedItem> union = new TreeMap<>(today);
    for (ClassifiedItem p : previous.items()) {
      if (onTopic(p)) {
        union.putIfAbsent(p.id().value(), p);
      }
    }
    if (union.size() == today.size()) {
      return out;
    }
    for (Story s : clusterer.cluster(storyItems(union.values()))) {
      boolean withPrevious =
          s.members().stream()
              .anyMatch(m -> !today.containsKey(m.item().id()) || prevIds.contains(m.item().id()));
      if (withPrevious) {
        s.members().forEach(m -> out.add(m.item().id()));
      }
    }
    return out;
  }

  private static String headline(Story story) {
    if (!story.headline().isBlank()) {
      return story.headline();
    }
    return story.members().stream()
        .map(m -> m.item().title())
        .filter(t -> !t.isBlank())
        .findFirst()
        .orElse(story.members().get(0).item().text().lines().findFirst().orElse(""));
  }

  /** The story's themes, strongest (summed over its members) first, on-topic ones only. */
  private static List<String> themes(Story story, Map<String, ClassifiedItem> byId) {
    Map<String, Double> total = new HashMap<>();
    for (StoryMember m : story.members()) {
      ClassifiedItem item = byId.get(m.item().id());
      if (item == null) {
        continue;
      }
      double weight = m.role() == MemberRole.DISCUSSION ? 0.5 : 1.0;
      for (ThemeScore t : item.themes()) {
        if (!OFF_TOPIC.contains(t.theme())) {
          total.merge(t.theme(), weight * t.score(), Double::sum);
        }
      }
      if (item.themes().isEmpty() && !OFF_TOPIC.contains(item.primary())) {
        total.merge(item.primary(), weight, Double::sum);
      }
    }
    return total.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The move most of the story's members describe, sources before others on ties. */
  private static Direction direction(Story story, Map<String, ClassifiedItem> byId) {
    Map<Direction, Integer> votes = new LinkedHashMap<>();
    for (StoryMember m : story.members()) {
      ClassifiedItem item = byId.get(m.item().id());
      if (item != null && item.direction() != null) {
        votes.merge(item.direction(), m.role() == MemberRole.SOURCE ? 2 : 1, Integer::sum);
      }
    }
    Direction best = null;
    int most = 0;
    for (Map.Entry<Direction, Integer> v : votes.entrySet()) {
      if (v.getValue() > most) {
        best = v.getKey();
        most = v.getValue();
      }
    }
    return best;
  }

  private static BriefingStory.Totals engagement(Story story, Map<String, ClassifiedItem> byId) {
    long points = 0;
    long comments = 0;
    for (StoryMember m : story.members()) {
      ClassifiedItem item = byId.get(m.item().id());
      Engagement e = item == null ? null : item.item().engagement();
      if (e != null) {
        points += e.points() == null ? 0 : Math.max(0, e.points());
        comments += e.comments() == null ? 0 : e.comments();
      }
    }
    return new BriefingStory.Totals(points, comments);
  }

  /** Each member's http(s) link in story order, then the copies merged into them. */
  private static List<BriefingStory.Link> links(Story story, Map<String, ClassifiedItem> byId) {
    Map<String, BriefingStory.Link> links = new LinkedHashMap<>();
    List<BriefingStory.Link> copies = new ArrayList<>();
    for (StoryMember m : story.members()) {
      ClassifiedItem item = byId.get(m.item().id());
      String url = m.item().url();
      String title = m.item().title().isBlank() ? story.headline() : m.item().title();
      String id = m.item().id();
      if (SafeLinks.isHttp(url)) {
        links.putIfAbsent(
            url, new BriefingStory.Link(url, SafeLinks.siteOf(url), title, role(m.role()), id));
      }
      if (item != null) {
        for (CanonicalUrl copy : item.item().alsoAt()) {
          if (SafeLinks.isHttp(copy.value())) {
            copies.add(
                new BriefingStory.Link(
                    copy.value(), SafeLinks.siteOf(copy.value()), title, "copy", id));
          }
        }
      }
    }
    copies.forEach(c -> links.putIfAbsent(c.url(), c));
    return List.copyOf(links.values());
  }

  private static String role(MemberRole role) {
    return role.name().toLowerCase(Locale.ROOT);
  }

  private static double rank(
      Story story,
      List<String> themes,
      BriefingStory.Totals totals,
      DayWindow day,
      ToDoubleFunction<String> spikeOf) {
    Set<String> sites = new LinkedHashSet<>();
    for (StoryMember m : story.sources()) {
      sites.add(m.item().site() != null ? m.item().site() : m.item().id());
    }
    double engagement = Math.log10(1 + totals.points() + totals.comments());
    double spike = 0;
    for (String theme : themes) {
      spike = Math.max(spike, Math.min(SPIKE_CAP, Math.max(0, spikeOf.applyAsDouble(theme))));
    }
    Instant newest = null;
    for (StoryMember m : story.members()) {
      Instant t = m.item().published();
      if (t != null && day.contains(t) && (newest == null || t.isAfter(newest))) {
        newest = t;
      }
    }
    double recency = 0;
    if (newest != null) {
      double length = day.end().toEpochMilli() - day.start().toEpochMilli();
      recency = (newest.toEpochMilli() - day.start().toEpochMilli()) / length;
    }
    return SOURCE_WEIGHT * sites.size()
        + ENGAGEMENT_WEIGHT * engagement
        + SPIKE_WEIGHT * spike
        + RECENCY_WEIGHT * recency;
  }

  private static int taxonomyOrder(List<String> order, String theme) {
    int i = order.indexOf(theme);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
