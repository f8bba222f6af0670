package io.themewire.core.message;

import java.util.Objects;

/**
 * A career move described by an item: from one role to another, as written ("engineering manager"
 * to "staff engineer"). Both roles are non-blank.
 */
public record Direction(String from, String to) {
  public Direction {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isBlank() || to.isBlank()) {
      throw new IllegalArgumentException("direction roles must not be blank");
    }
  }
}
