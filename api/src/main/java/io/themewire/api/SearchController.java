package io.themewire.api;

import io.javalin.http.Context;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.ItemId;
import io.themewire.index.ArticleReader;
import io.themewire.index.search.Facet;
import io.themewire.index.search.Histogram;
import io.themewire.index.search.Interval;
import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SearchResult;
import io.themewire.index.search.ThemeCount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/search}, {@code /api/items/{id}} and {@code /api/themes}. */
final class SearchController {

  private final ArticleReader index;
  private final List<ThemeInfo> themes;
  private final CursorCodec cursors;

  SearchController(ArticleReader index, List<ThemeInfo> themes, CursorCodec cursors) {
    this.index = index;
    this.themes = List.copyOf(themes);
    this.cursors = cursors;
  }

  SearchController(ArticleReader index, List<ThemeInfo> themes) {
    this(index, themes, CursorCodec.random());
  }

  /**
   * {@code GET /api/search}: hits with an exact total, facets and a date histogram on request, a
   * signed cursor to the next page, and an ETag.
   */
  void search(Context ctx) throws IOException {
    QueryParams params = new QueryParams(ctx);
    SearchRequest request = params.filter(index, themes);
    Set<Facet> facets = EnumSet.noneOf(Facet.class);
    String facetParam = QueryParams.blankToNull(ctx.queryParam("facets"));
    if (facetParam != null) {
      for (String f : facetParam.split(",")) {
        try {
          facets.add(Facet.fromId(f));
        } catch (IllegalArgumentException e) {
          params.problem("facets must be a comma-separated list of theme, source, kind");
          break;
        }
      }
    }
    Interval histogram = params.interval("histogram");
    params.check();
    request = request.withFacets(facets).withHistogram(histogram, request.zone());
    String cursor = QueryParams.blankToNull(ctx.queryParam("cursor"));
    if (cursor != null) {
      request = request.after(cursors.decode(request, cursor));
    }
    SearchResult result;
    try {
      result = index.search(request);
    } catch (QueryException e) {
      throw ApiProblem.badRequest(e.reason(), e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", result.total());
    body.put("totalRelation", "eq");
    body.put("hits", result.hits());
    if (!facets.isEmpty()) {
      Map<String, Object> f = new LinkedHashMap<>();
      for (Facet facet : facets) {
        f.put(facet.id(), result.facets().getOrDefault(facet, List.of()));
      }
      body.put("facets", f);
    }
    if (result.histogram() != null) {
      body.put("histogram", histogramJson(result.histogram()));
    }
    body.put("next", result.next() == null ? null : cursors.encode(request, result.next()));
    body.put("tookMs", result.tookMs());
    Etags.sendJson(ctx, body, "tookMs");
  }

  static Map<String, Object> histogramJson(Histogram h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("interval", h.interval().id());
    m.put("tz", h.zone().getId());
    m.put(
        "buckets",
        h.buckets().stream()
            .map(b -> Map.of("date", b.date().toString(), "count", b.count()))
            .toList());
    return m;
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
}
