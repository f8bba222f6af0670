package io.themewire.core.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * When an item was published, where that came from, and how far it can be trusted.
 *
 * @param at the instant, UTC
 * @param provenance where the time was read
 * @param confidence 0 to 1: 1 for a machine-readable field of the source, lower for guesses
 */
public record Published(Instant at, Provenance provenance, double confidence) {

  /** Where a publication time was read, from most to least trustworthy. */
  public enum Provenance {
    FEED,
    SITEMAP,
    JSON_LD,
    META_TAG,
    TIME_ELEMENT,
    URL,
    TEXT,
    FIRST_SEEN;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Provenance fromId(String id) {
      return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  public Published {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(provenance, "provenance");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
    }
  }

  /** The time an item was first seen, used when the source gives none. */
  public static Published firstSeen(Instant at) {
    return new Published(at, Provenance.FIRST_SEEN, 0.3);
  }
}
