package io.themewire.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.themewire.digest.briefing.BriefingFormat;
import io.themewire.digest.briefing.Briefings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/digest?date=YYYY-MM-DD&format=json|md|html|atom&tz=ZONE}: the briefing of one day
 * (format default json, zone default UTC), as {@link Briefings} writes it — the same bytes as
 * {@code themewire digest}. Answers carry a strong {@code ETag} of the body, and a matching {@code
 * If-None-Match} gets 304. Bad parameters are one 400 problem ({@code invalid-parameter}) naming
 * each.
 */
public final class DigestRoutes implements ApiRoutes {

  private final Briefings briefings;

  public DigestRoutes(Briefings briefings) {
    this.briefings = Objects.requireNonNull(briefings, "briefings");
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get("/api/digest", this::digest);
  }

  private void digest(Context ctx) throws IOException {
    List<String> problems = new ArrayList<>();
    LocalDate date = null;
    String d = ctx.queryParam("date");
    if (d == null || d.isBlank()) {
      problems.add("date is required (YYYY-MM-DD)");
    } else {
      try {
        date = LocalDate.parse(d.strip());
      } catch (DateTimeParseException e) {
        problems.add("date must be a day like 2026-11-24");
      }
    }
    BriefingFormat format = BriefingFormat.JSON;
    String f = ctx.queryParam("format");
    if (f != null && !f.isBlank()) {
      try {
        format = BriefingFormat.parse(f);
      } catch (IllegalArgumentException e) {
        problems.add("format: " + e.getMessage());
      }
    }
    ZoneId zone = ZoneId.of("UTC");
    String tz = ctx.queryParam("tz");
    if (tz != null && !tz.isBlank()) {
      try {
        zone = ZoneId.of(tz.strip());
      } catch (DateTimeException e) {
        problems.add("tz must be a time zone like UTC or Europe/Berlin");
      }
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.badRequest("invalid-parameter", String.join("; ", problems));
    }
    byte[] body = briefings.render(date, zone, format).getBytes(StandardCharsets.UTF_8);
    String etag = "\"" + digest(body) + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(format.mediaType());
    ctx.result(body);
  }

  private static String digest(byte[] body) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(body))
          .substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
