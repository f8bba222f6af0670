package io.themewire.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.ThemeScore;
import io.themewire.index.ArticleReader;
import io.themewire.index.search.Interval;
import io.themewire.index.search.QueryException;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.SignificantTerms;
import io.themewire.index.search.Trends;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysts' routes: {@code GET /api/trends} (counts per day or week per theme, spikes against a
 * weekday-aware baseline with their explanation), {@code GET /api/terms} (significant terms) and
 * {@code GET /api/export} (every match as CSV or JSON Lines, streamed). They take the filters of
 * {@code /api/search} ({@link QueryParams}); the work is done by the {@link ArticleReader}.
 */
public final class AnalyticsRoutes implements ApiRoutes {

  private static final Logger log = LoggerFactory.getLogger(AnalyticsRoutes.class);

  /** Terms returned unless {@code size} says otherwise. */
  static final int DEFAULT_TERMS = 20;

  private final ArticleReader index;
  private final List<ThemeInfo> themes;

  public AnalyticsRoutes(ArticleReader index, List<ThemeInfo> themes) {
    this.index = index;
    this.themes = List.copyOf(themes);
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get("/api/trends", this::trends);
    config.routes.get("/api/terms", this::terms);
    config.routes.get("/api/export", this::export);
  }

  void trends(Context ctx) throws IOException {
    QueryParams params = new QueryParams(ctx);
    SearchRequest filter = params.filter(index, themes);
    Interval interval = params.interval("interval");
    params.check();
    Trends t;
    try {
      t = index.trends(filter, interval == null ? Interval.DAY : interval);
    } catch (QueryException e) {
      throw ApiProblem.badRequest(e.reason(), e.getMessage());
    }
    List<String> order = themes.stream().map(ThemeInfo::id).toList();
    List<Trends.Series> series = new ArrayList<>(t.series());
    series.sort(
        Comparator.comparingInt(
            (Trends.Series s) -> {
              int i = s.theme() == null ? -1 : order.indexOf(s.theme());
              return i < 0 ? order.size() : i;
            }));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("interval", t.interval().id());
    body.put("tz", t.zone().getId());
    body.put("from", t.from());
    body.put("to", t.to());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Trends.Series s : series) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("theme", s.theme());
      if (s.theme() == null) {
        m.put("query", filter.query());
      }
      m.put(
          "points",
          s.points().stream()
              .map(
                  p -> {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("date", p.date().toString());
                    pm.put("count", p.count());
                    pm.put("spike", p.spike());
                    return pm;
                  })
              .toList());
      out.add(m);
    }
    body.put("series", out);
    Etags.sendJson(ctx, body);
  }

  void terms(Context ctx) throws IOException {
    QueryParams params = new QueryParams(ctx);
    SearchRequest filter = params.filter(index, themes);
    int size = params.intParam("size", DEFAULT_TERMS, 1, 100);
    params.check();
    SignificantTerms t;
    try {
      t = index.terms(filter, size);
    } catch (QueryException e) {
      throw ApiProblem.badRequest(e.reason(), e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measure", t.measure());
    body.put("foregroundDocs", t.foregroundDocs());
    body.put("backgroundDocs", t.backgroundDocs());
    body.put("sampledDocs", t.sampledDocs());
    body.put("terms", t.terms());
    Etags.sendJson(ctx, body);
  }

  void export(Context ctx) throws IOException {
    QueryParams params = new QueryParams(ctx);
    SearchRequest filter = params.filter(index, themes);
    String format = QueryParams.blankToNull(ctx.queryParam("format"));
    format = format == null ? "jsonl" : format.toLowerCase(Locale.ROOT);
    if (!format.equals("csv") && !format.equals("jsonl")) {
      params.problem("format must be 'csv' or 'jsonl'");
    }
    params.check();
    boolean csv = format.equals("csv");
    String name = format;
    Writer[] out = new Writer[1];
    long[] written = new long[1];
    try {
      index.scan(
          filter,
          item -> {
            try {
              if (out[0] == null) {
                // opened at the first item: a refused query is still a problem, not a broken body
                out[0] = open(ctx, csv, name);
              }
              out[0].write(csv ? csvRow(item) : jsonLine(item));
              written[0]++;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      if (out[0] == null) {
        out[0] = open(ctx, csv, name);
      }
      out[0].flush();
    } catch (QueryException e) {
      throw ApiProblem.badRequest(e.reason(), e.getMessage());
    } catch (UncheckedIOException e) {
      // the client went away mid-stream: nothing to answer
      log.info("export - stopped after {} items: {}", written[0], e.getCause().toString());
    }
  }

  /** Starts the streamed body: headers, then the CSV header row. */
  private static Writer open(Context ctx, boolean csv, String format) throws IOException {
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"themewire-export." + format + "\"");
    Writer w =
        new BufferedWriter(
            new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    if (csv) {
      w.write(String.join(",", CSV_COLUMNS) + "\r\n");
    }
    return w;
  }

  static final List<String> CSV_COLUMNS =
      List.of(
          "id",
          "published",
          "title",
          "url",
          "site",
          "source",
          "kind",
          "primary",
          "themes",
          "author",
          "language");

  static String csvRow(ClassifiedItem c) {
    List<String> cells = fields(c).values().stream().map(v -> csvCell(String.valueOf(v))).toList();
    return String.join(",", cells) + "\r\n";
  }

  static String jsonLine(ClassifiedItem c) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>(fields(c));
    m.put("themes", c.themes().stream().map(ThemeScore::theme).toList());
    m.put("text", c.item().text());
    return HtmlSafeJson.MAPPER.writeValueAsString(m) + "\n";
  }

  private static Map<String, Object> fields(ClassifiedItem c) {
    RawItem r = c.item();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id().value());
    m.put("published", r.published().at().toString());
    m.put("title", r.title());
    m.put("url", r.url() == null ? "" : r.url().value());
    m.put("site", site(r));
    m.put("source", r.source().id());
    m.put("kind", r.source().kind().id());
    m.put("primary", c.primary());
    m.put("themes", c.themes().stream().map(ThemeScore::theme).collect(Collectors.joining(";")));
    m.put("author", r.author() == null ? "" : r.author());
    m.put("language", r.language() == null ? "" : r.language());
    return m;
  }

  private static String site(RawItem r) {
    String u = r.url() != null ? r.url().value() : r.source().id();
    try {
      String host = java.net.URI.create(u).getHost();
      if (host == null) {
        return "";
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula ({@code = + - @},
   * tab, carriage return first) gets a leading apostrophe, so an exported title cannot execute.
   */
  static String csvCell(String v) {
    String s = v;
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
