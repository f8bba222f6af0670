package io.themewire.core.message;

import java.util.Objects;

/** A named thing mentioned in an item: a person, an organisation or a job title. */
public record Entity(String text, String type) {
  public Entity {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(type, "type");
  }
}
