package io.themewire.ingest.source;

import java.util.Objects;

/**
 * One thing to ingest: a local file path or an http(s) URL of a feed, an article page, or a
 * discussion thread. What it is gets sniffed from its content.
 */
public record SourceRequest(String location) {
  public SourceRequest {
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("source location is blank");
    }
  }

  public boolean isUrl() {
    return location.startsWith("http://") || location.startsWith("https://");
  }
}
