package io.themewire.api;

import io.javalin.http.Context;
import io.themewire.core.message.ClassifiedItem;
import io.themewire.core.message.SourceKind;
import io.themewire.index.ArticleReader;
import io.themewire.index.search.Interval;
import io.themewire.index.search.SearchRequest;
import io.themewire.index.search.ThemeCount;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query parameters the read routes share ({@code q, theme, source, kind, from, to, tz}), read
 * into a {@link SearchRequest} with every bad value named at once: one 400 problem lists them all.
 * Unknown themes and kinds are refused, not searched for (an empty 200 would read as "no such
 * items").
 */
final class QueryParams {

  private static final Instant EARLIEST = Instant.EPOCH;
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final Context ctx;
  private final List<String> problems = new ArrayList<>();

  QueryParams(Context ctx) {
    this.ctx = ctx;
  }

  /** What was wrong so far. */
  List<String> problems() {
    return problems;
  }

  /** Adds a problem. */
  void problem(String p) {
    problems.add(p);
  }

  /** Throws the 400 problem listing everything wrong, if anything is. */
  void check() {
    if (!problems.isEmpty()) {
      throw ApiProblem.badRequest("invalid-parameter", String.join("; ", problems));
    }
  }

  /**
   * The filter the parameters describe, sorted and sized as given ({@code sort}, {@code size}).
   *
   * @param themes the taxonomy's theme ids; a theme outside them and absent from the index is
   *     refused
   */
  SearchRequest filter(ArticleReader index, List<ThemeInfo> themes) throws IOException {
    // q is left to the query parser, whose limits (QueryLimits) refuse it with a stable type
    String q = ctx.queryParam("q");
    ZoneId zone = zone();
    Instant from = date("from", zone);
    Instant to = date("to", zone);
    if (from != null && to != null && !to.isAfter(from)) {
      problems.add("to must be after from");
    }
    String theme = blankToNull(ctx.queryParam("theme"));
    if (theme != null && !knownTheme(theme, index, themes)) {
      problems.add(
          "unknown theme '"
              + theme
              + "'; themes are "
              + themes.stream().map(ThemeInfo::id).collect(Collectors.joining(", ")));
    }
    String kind = blankToNull(ctx.queryParam("kind"));
    if (kind != null) {
      try {
        SourceKind.fromId(kind);
      } catch (IllegalArgumentException e) {
        problems.add(
            "unknown kind '"
                + kind
                + "'; kinds are "
                + Arrays.stream(SourceKind.values())
                    .map(SourceKind::id)
                    .collect(Collectors.joining(", ")));
      }
    }
    return new SearchRequest(
        q,
        theme,
        blankToNull(ctx.queryParam("source")),
        kind,
        from,
        to,
        sort(),
        intParam("size", SearchRequest.DEFAULT_SIZE, 1, Integer.MAX_VALUE),
        Set.of(),
        null,
        zone,
        null);
  }

  private static boolean knownTheme(String theme, ArticleReader index, List<ThemeInfo> themes)
      throws IOException {
    String t = theme.strip().toLowerCase(Locale.ROOT);
    if (t.equals(ClassifiedItem.UNCLASSIFIED) || themes.stream().anyMatch(i -> i.id().equals(t))) {
      return true;
    }
    for (ThemeCount c : index.themeCounts()) {
      if (c.theme().equals(t)) {
        return true;
      }
    }
    return false;
  }

  /** {@code tz}: a zone id ({@code Europe/Berlin}, {@code +02:00}); UTC when absent. */
  ZoneId zone() {
    String v = blankToNull(ctx.queryParam("tz"));
    if (v == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      problems.add("tz must be a time zone such as UTC or Europe/Berlin");
      return ZoneOffset.UTC;
    }
  }

  private SearchRequest.Sort sort() {
    String v = blankToNull(ctx.queryParam("sort"));
    if (v == null) {
      return SearchRequest.Sort.RELEVANCE;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "relevance" -> SearchRequest.Sort.RELEVANCE;
      case "newest", "date" -> SearchRequest.Sort.NEWEST;
      default -> {
        problems.add("sort must be 'relevance' or 'newest'");
        yield SearchRequest.Sort.RELEVANCE;
      }
    };
  }

  /** {@code name} as a day or week interval, or null when absent. */
  Interval interval(String name) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null) {
      return null;
    }
    try {
      return Interval.fromId(v);
    } catch (IllegalArgumentException e) {
      problems.add(name + " must be 'day' or 'week'");
      return null;
    }
  }

  /** A whole-number parameter within {@code min..max}, else {@code dflt} and a problem. */
  int intParam(String name, int dflt, int min, int max) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        problems.add(
            name + " must be " + (max == Integer.MAX_VALUE ? "at least " + min : min + ".." + max));
        return dflt;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number");
      return dflt;
    }
  }

  /** {@code YYYY-MM-DD} (start of that day in {@code zone}) or an ISO-8601 instant. */
  Instant date(String name, ZoneId zone) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null) {
      return null;
    }
    try {
      Instant t =
          v.length() == 10 ? LocalDate.parse(v).atStartOfDay(zone).toInstant() : Instant.parse(v);
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

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
