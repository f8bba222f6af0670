package io.themewire.digest.briefing;

import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.digest.DayWindow;
import io.themewire.index.ArticleReader;
import io.themewire.index.search.SearchRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The front door of the briefing: the briefing of a day from the stored items, in any {@link
 * BriefingFormat}, and its delivery into the archive.
 *
 * <p>Which items a day's briefing tells: those published in the day's window in the briefing's zone
 * (a {@link DayWindow}: 23 or 25 hours on a daylight-saving change), threads and posts but not
 * comments, plus the articles that day's discussion threads are about when those were published up
 * to {@value #DISCUSSED_DAYS} days before. Nothing published after the day's end plays any part, so
 * a past day's briefing stays the same as the index grows.
 *
 * <p>A date already in the archive is served from it, byte for byte: what was delivered is what
 * every later request gets. Otherwise the briefing is built from the index and the previous
 * archived briefing (for what is new), so the same index, archive and date give the same bytes.
 * Thread-safe.
 */
public final class Briefings {

  /** How far back a discussed article may lie before the day of its discussion. */
  public static final int DISCUSSED_DAYS = 7;

  private final ArticleReader reader;
  private final BriefingBuilder builder;
  private final BriefingArchive archive;

  /**
   * @param archive the delivered briefings, or null to use none (every story is then new)
   */
  public Briefings(ArticleReader reader, BriefingBuilder builder, BriefingArchive archive) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.builder = Objects.requireNonNull(builder, "builder");
    this.archive = archive;
  }

  /**
   * The briefings of the items in {@code reader} with the standard builder, ranking the stories of
   * a theme that spikes that day (the index's trends, {@link TrendSpikes}) higher: the one way the
   * application builds them.
   *
   * @param labels theme id to label, in the taxonomy's display order
   * @param archive the delivered briefings, or null to use none
   */
  public static Briefings overIndex(
      ArticleReader reader, Map<String, String> labels, BriefingArchive archive) {
    return new Briefings(
        reader, BriefingBuilder.standard(labels).withSpikes(new TrendSpikes(reader)), archive);
  }

  /** The archive, if any. */
  public Optional<BriefingArchive> archive() {
    return Optional.ofNullable(archive);
  }

  /** The briefing of {@code date} in {@code zone}. */
  public Briefing briefing(LocalDate date, ZoneId zone) throws IOException {
    if (archive != null) {
      Optional<Briefing> archived = archive.read(date);
      if (archived.isPresent() && archived.get().zone().equals(zone.getId())) {
        return archived.get();
      }
    }
    DayWindow day = new DayWindow(date, zone);
    return builder.build(day, itemsOf(day), previous(date));
  }

  /** The briefing of {@code date} written in {@code format}. */
  public String render(LocalDate date, ZoneId zone, BriefingFormat format) throws IOException {
    Briefing b = briefing(date, zone);
    return switch (format) {
      case MD -> MarkdownRenderer.render(b);
      case HTML -> HtmlRenderer.render(b);
      case JSON -> JsonRenderer.render(b);
      case ATOM -> AtomRenderer.render(feed(b));
    };
  }

  /**
   * Builds and archives the briefing of {@code date}, unless it is archived already (at most one
   * delivery per date).
   *
   * @throws IllegalStateException when there is no archive
   */
  public BriefingArchive.Written deliver(LocalDate date, ZoneId zone) throws IOException {
    if (archive == null) {
      throw new IllegalStateException("no archive to deliver to");
    }
    if (archive.contains(date)) {
      return BriefingArchive.Written.ALREADY_ARCHIVED;
    }
    DayWindow day = new DayWindow(date, zone);
    return archive.write(builder.build(day, itemsOf(day), previous(date)));
  }

  /** {@code current} and the archived briefings before it, newest first. */
  private List<Briefing> feed(Briefing current) {
    List<Briefing> feed = new ArrayList<>();
    feed.add(current);
    if (archive != null) {
      for (Briefing b : archive.recent(current.date(), BriefingArchive.MAX_FEED_ENTRIES)) {
        if (b.date().isBefore(current.date()) && feed.size() < BriefingArchive.MAX_FEED_ENTRIES) {
          feed.add(b);
        }
      }
    }
    return feed;
  }

  private BriefingBuilder.Previous previous(LocalDate date) throws IOException {
    if (archive == null) {
      return BriefingBuilder.Previous.none();
    }
    Optional<Briefing> before = archive.latestBefore(date);
    if (before.isEmpty()) {
      return BriefingBuilder.Previous.none();
    }
    BriefingBuilder.Previous bare = new BriefingBuilder.Previous(before.get(), List.of());
    List<ClassifiedItem> items = new ArrayList<>();
    for (String id : bare.itemIds().stream().sorted().toList()) {
      try {
        reader.get(ItemId.parse(id)).ifPresent(items::add);
      } catch (IllegalArgumentException e) {
        // an id the archive holds that is not an id any more: nothing to compare with
      }
    }
    return new BriefingBuilder.Previous(before.get(), items);
  }

  /**
   * The items a day's briefing may tell; see the class comment. One filtered scan of the index
   * reads the day and the {@value #DISCUSSED_DAYS} days before it, nothing else.
   */
  public List<ClassifiedItem> itemsOf(DayWindow day) throws IOException {
    Instant start = day.start();
    Instant end = day.end();
    Instant discussedFrom = start.minus(Duration.ofDays(DISCUSSED_DAYS));
    Map<String, ClassifiedItem> inDay = new LinkedHashMap<>();
    Map<String, ClassifiedItem> earlierByUrl = new HashMap<>();
    SearchRequest window =
        new SearchRequest(
            "", null, null, null, discussedFrom, end, SearchRequest.Sort.RELEVANCE, 1);
    reader.scan(
        window,
        item -> {
          if (item.item().parentId() != null) {
            return; // a comment: its thread speaks for it
          }
          if (!item.item().published().at().isBefore(start)) {
            inDay.put(item.id().value(), item);
          } else if (item.item().url() != null) {
            earlierByUrl.merge(item.item().url().value(), item, Briefings::later);
          }
        });
    List<ClassifiedItem> items = new ArrayList<>(inDay.values());
    for (ClassifiedItem item : inDay.values()) {
      if (item.item().discusses() != null) {
        ClassifiedItem article = earlierByUrl.get(item.item().discusses().value());
        if (article != null
            && !inDay.containsKey(article.id().value())
            && !items.contains(article)) {
          items.add(article);
        }
      }
    }
    return items;
  }

  /** Of two stored items at one URL, the one published later (then the larger id). */
  private static ClassifiedItem later(ClassifiedItem a, ClassifiedItem b) {
    int c = a.item().published().at().compareTo(b.item().published().at());
    if (c == 0) {
      c = a.id().value().compareTo(b.id().value());
    }
    return c >= 0 ? a : b;
  }
}
