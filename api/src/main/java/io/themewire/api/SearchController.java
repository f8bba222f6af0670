package io.themewire.api;

import io.javalin.http.Context;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.index.ArticleReader;
import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import io.themewire.index.search.ThemeCount;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /api/search}, {@code /api/items/{id}} and {@code /api/themes}. */
final class SearchController {

  private static final Instant EARLIEST = Instant.EPOCH;
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final ArticleReader index;
  private final List<ThemeInfo> themes;

  SearchController(ArticleReader index, List<ThemeInfo> themes) {
    this.index = index;
    this.themes = List.copyOf(themes);
  }

  void search(Context ctx) throws IOException {
    List<String> problems = new ArrayList<>();
    String q = ctx.queryParam("q");
    int size = intParam(ctx, "size", SearchRequest.DEFAULT_SIZE, problems);
    Instant from = dateParam(ctx, "from", problems);
    Instant to = dateParam(ctx, "to", problems);
    SearchRequest.Sort sort = SearchRequest.Sort.RELEVANCE;
    String sortParam = ctx.queryParam("sort");
    if (sortParam != null && !sortParam.isBlank()) {
      try {
        sort = SearchRequest.Sort.valueOf(sortParam.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("sort must be 'relevance' or 'date'");
      }
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.badRequest("invalid-parameter", String.join("; ", problems));
    }
    SearchRequest request =
        new SearchRequest(
            q,
            ctx.queryParam("theme"),
            ctx.queryParam("source"),
            ctx.queryParam("kind"),
            from,
            to,
            sort,
            size);
    SearchResult result;
    try {
      result = index.search(request);
    } catch (QueryException e) {
      throw ApiProblem.badRequest(e.reason(), e.getMessage());
    }
    ctx.json(result);
  }

  void item(Context ctx) throws IOException {
    ctx.json(storedItem(ctx));
  }

  void discussions(Context ctx) throws IOException {
    ClassifiedItem item = storedItem(ctx);
    var url = item.item().url();
    ctx.json(
        Map.of(
            "id",
            item.id().value(),
            "discussions",
            url == null ? List.of() : index.discussionsOf(url)));
  }

  /** The item named by the {@code id} path parameter: 400 when malformed, 404 when unknown. */
  private ClassifiedItem storedItem(Context ctx) throws IOException {
    String raw = ctx.pathParam("id");
    ItemId id;
    try {
      id = new ItemId(raw);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid-id", e.getMessage());
    }
    return index.get(id).orElseThrow(() -> ApiProblem.notFound("no item with id " + raw));
  }

  void themes(Context ctx) throws IOException {
    Map<String, ThemeCount> counts = new LinkedHashMap<>();
    for (ThemeCount c : index.themeCounts()) {
      counts.put(c.theme(), c);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (ThemeInfo t : themes) {
      ThemeCount c = counts.remove(t.id());
      out.add(themeJson(t.id(), t.label(), t.description(), c));
    }
    for (ThemeCount c : counts.values()) {
      out.add(themeJson(c.theme(), c.theme(), "", c));
    }
    ctx.json(Map.of("themes", out, "total", index.count()));
  }

  private static Map<String, Object> themeJson(
      String id, String label, String description, ThemeCount c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("label", label);
    m.put("description", description);
    m.put("count", c == null ? 0 : c.primary());
    m.put("anyCount", c == null ? 0 : c.any());
    return m;
  }

  private static int intParam(Context ctx, String name, int dflt, List<String> problems) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 1) {
        problems.add(name + " must be at least 1");
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number");
      return dflt;
    }
  }

  private static Instant dateParam(Context ctx, String name, List<String> problems) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      Instant t =
          v.length() == 10
              ? LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC)
              : Instant.parse(v);
      if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
        problems.add(name + " must be between years 1970 and 9999");
        return null;
      }
      return t;
    } catch (DateTimeParseException e) {
      problems.add(name + " must be a date (YYYY-MM-DD) or an ISO-8601 instant");
      return null;
    }
  }
}
