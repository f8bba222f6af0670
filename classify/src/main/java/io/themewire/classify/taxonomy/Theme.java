package io.themewire.classify.taxonomy;

import java.util.Objects;

/**
 * One theme of a taxonomy.
 *
 * @param id stable id, lower-case with dashes ({@code manager-to-ic})
 * @param label short human-readable name
 * @param description what belongs to it
 * @param transition for themes that describe a move between role families, which way; else null
 */
public record Theme(String id, String label, String description, Transition transition) {

  /**
   * A move between two role families, {@code ic} or {@code manager}.
   *
   * @param from the family moved away from
   * @param to the family moved to
   */
  public record Transition(String from, String to) {
    public Transition {
      if (!isFamily(from) || !isFamily(to) || from.equals(to)) {
        throw new IllegalArgumentException(
            "transition must go between 'ic' and 'manager', got " + from + " -> " + to);
      }
    }

    private static boolean isFamily(String f) {
      return "ic".equals(f) || "manager".equals(f);
    }
  }

  public Theme {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "theme id must be lower-case words joined by '-', got '" + id + "'");
    }
    label = label == null || label.isBlank() ? id : label.strip();
    description = description == null ? "" : description.strip();
  }
}
