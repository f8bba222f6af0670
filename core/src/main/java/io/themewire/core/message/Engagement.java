package io.themewire.core.message;

/**
 * What readers did with an item where the source tells: points (votes, likes; may be negative on
 * some networks) and comment count. Either may be null when the source does not say.
 */
public record Engagement(Integer points, Integer comments) {
  public Engagement {
    if (comments != null && comments < 0) {
      throw new IllegalArgumentException("comments must not be negative: " + comments);
    }
  }
}
