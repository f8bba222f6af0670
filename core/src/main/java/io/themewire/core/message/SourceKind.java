package io.themewire.core.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of source an item came from. Serialised in lower case ({@code "feed"}). */
public enum SourceKind {
  /** An entry of an RSS, Atom, RDF or JSON feed. */
  FEED,
  /** A web page fetched and extracted on its own. */
  ARTICLE,
  /** A story or comment of a discussion thread (Hacker News, Reddit, ...). */
  DISCUSSION,
  /** A short post from a social network or an import file. */
  POST;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SourceKind fromId(String id) {
    try {
      return valueOf(id.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown source kind '" + id + "'", e);
    }
  }
}
