package io.themewire.index.search;

import java.util.Locale;

/** A field matches can be counted by. Serialised in lower case ({@code "theme"}). */
public enum Facet {
  /** Every theme an item carries (an item counts once under each of its themes). */
  THEME,
  /** The source id. */
  SOURCE,
  /** The source kind ({@code feed}, {@code article}, ...). */
  KIND;

  /** The lower-case name used in requests and responses. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The facet named {@code id} (any case).
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Facet fromId(String id) {
    try {
      return valueOf(id.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown facet '" + id + "'", e);
    }
  }
}
