package io.themewire.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.themewire.digest.story.StoryClusterer;
import io.themewire.digest.story.StoryMember;
import io.themewire.digest.story.StoryQuery;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET /api/stories?from=&to=&theme=&tz=}: the stories of the items published in a period.
 * {@code from}/{@code to} are dates ({@code YYYY-MM-DD}, start of that day in {@code tz}, default
 * UTC) or ISO instants, {@code to} exclusive; without them, the last 24 hours. A period longer than
 * {@link #MAX_PERIOD} or holding more than {@link StoryQuery#DEFAULT_MAX_ITEMS} items is a 400.
 */
public final class StoryRoutes implements ApiRoutes {

  /** Longest period one request may cover. */
  public static final Duration MAX_PERIOD = Duration.ofDays(31);

  private final StoryQuery query;
  private final Set<String> themes;
  private final Clock clock;

  /**
   * @param reader the index
   * @param themeIds the taxonomy's theme ids; any other {@code theme} is a 400
   * @param clock the clock that says what "the last 24 hours" is
   */
  public StoryRoutes(io.themewire.index.ArticleReader reader, List<String> themeIds, Clock clock) {
    this.query = new StoryQuery(reader, StoryClusterer.standard(), StoryQuery.DEFAULT_MAX_ITEMS);
    this.themes = Set.copyOf(themeIds);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get("/api/stories", this::stories);
  }

  void stories(Context ctx) throws IOException {
    List<String> problems = new ArrayList<>();
    ZoneId zone = zone(ctx.queryParam("tz"), problems);
    Instant from = time(ctx, "from", zone, problems);
    Instant to = time(ctx, "to", zone, problems);
    String theme = ctx.queryParam("theme");
    if (theme != null && theme.isBlank()) {
      theme = null;
    }
    if (theme != null && !themes.contains(theme)) {
      problems.add("unknown theme '" + abbreviate(theme) + "' (see /api/themes)");
    }
    if (problems.isEmpty()) {
      if (to == null) {
        to = from == null ? clock.instant() : from.plus(Duration.ofDays(1));
      }
      if (from == null) {
        from = to.minus(Duration.ofDays(1));
      }
      if (!from.isBefore(to)) {
        problems.add("from must be before to");
      } else if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
        problems.add("the period from/to may cover at most " + MAX_PERIOD.toDays() + " days");
      }
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.badRequest("invalid-parameter", String.join("; ", problems));
    }
    List<StoryQuery.ThemedStory> found;
    try {
      found = query.find(from, to, theme);
    } catch (StoryQuery.TooManyItemsException e) {
      throw ApiProblem.badRequest("too-many-items", e.getMessage());
    }
    List<Map<String, Object>> stories = new ArrayList<>();
    for (StoryQuery.ThemedStory ts : found) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", ts.story().id());
      s.put("headline", ts.story().headline());
      s.put("reason", ts.story().reason());
      s.put("themes", ts.themes());
      List<Map<String, Object>> members = new ArrayList<>();
      for (StoryMember m : ts.story().members()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.item().id());
        row.put("title", m.item().title());
        row.put("url", m.item().url());
        row.put("site", m.item().site());
        row.put("role", m.role().name().toLowerCase(Locale.ROOT));
        if (m.copyOf() != null) {
          row.put("copyOf", m.copyOf());
        }
        row.put("published", m.item().published() == null ? null : m.item().published().toString());
        members.add(row);
      }
      s.put("members", members);
      stories.add(s);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from.toString());
    body.put("to", to.toString());
    body.put("stories", stories);
    ctx.json(body);
  }

  private static ZoneId zone(String tz, List<String> problems) {
    if (tz == null || tz.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(tz.strip());
    } catch (DateTimeException e) {
      problems.add("tz must be a time zone id such as Europe/Berlin, got '" + abbreviate(tz) + "'");
      return ZoneId.of("UTC");
    }
  }

  private static Instant time(Context ctx, String name, ZoneId zone, List<String> problems) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    v = v.strip();
    try {
      Instant t =
          v.length() == 10 ? LocalDate.parse(v).atStartOfDay(zone).toInstant() : Instant.parse(v);
      if (t.isBefore(Instant.EPOCH) || t.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
        problems.add(name + " must be between years 1970 and 9999");
        return null;
      }
      return t;
    } catch (DateTimeParseException e) {
      problems.add(name + " must be a date (YYYY-MM-DD) or an ISO-8601 instant");
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
