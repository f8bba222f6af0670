package io.themewire.classify.taxonomy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.themewire.core.message.Direction;
import java.util.Objects;

/**
 * A training or evaluation example: one text and its theme, and for transition themes the move it
 * describes. Read from JSON Lines ({@code {"id","label","text","direction"}}); other fields are
 * ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledText(String id, String label, String text, Direction direction) {
  public LabelledText {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(text, "text");
    id = id == null ? "" : id;
  }
}
