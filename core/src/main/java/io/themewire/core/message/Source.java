package io.themewire.core.message;

import java.util.Objects;

/**
 * Where an item came from.
 *
 * @param id a stable identifier of the source, such as its feed URL or {@code hn}; never blank
 * @param name a human-readable name (a feed's title, a site's name); never null, may equal the id
 * @param kind the kind of source
 */
public record Source(String id, String name, SourceKind kind) {
  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    if (id.isBlank()) {
      throw new IllegalArgumentException("source id is blank");
    }
    name = name == null || name.isBlank() ? id : name.strip();
  }
}
