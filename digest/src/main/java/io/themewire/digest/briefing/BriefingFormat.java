package io.themewire.digest.briefing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The forms a briefing is written in, with the media type each is served as. */
public enum BriefingFormat {
  /** Markdown: headings per theme and story, each sentence followed by its sites. */
  MD("md", "text/markdown; charset=utf-8"),
  /** One email-safe HTML document: inline CSS only, no scripts, every value escaped. */
  HTML("html", "text/html; charset=utf-8"),
  /** The JSON shape of {@code GET /api/digest}; also what the archive keeps. */
  JSON("json", "application/json"),
  /** An Atom feed of the past briefings up to this one, newest first. */
  ATOM("atom", "application/atom+xml; charset=utf-8");

  private final String id;
  private final String mediaType;

  BriefingFormat(String id, String mediaType) {
    this.id = id;
    this.mediaType = mediaType;
  }

  /** The name used on the command line and in {@code format=}: md, html, json, atom. */
  public String id() {
    return id;
  }

  /** The HTTP media type of this form. */
  public String mediaType() {
    return mediaType;
  }

  /** The format named {@code name} (case-insensitive). */
  public static BriefingFormat parse(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (BriefingFormat f : values()) {
      if (f.id.equals(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '"
            + (n.length() > 20 ? n.substring(0, 20) + "..." : n)
            + "'; one of "
            + Arrays.stream(values()).map(BriefingFormat::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
