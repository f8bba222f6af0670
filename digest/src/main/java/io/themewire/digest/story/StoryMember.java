package io.themewire.digest.story;

import java.util.Objects;

/**
 * One item of a story and the part it plays.
 *
 * @param item the item
 * @param role its role
 * @param copyOf for a {@link MemberRole#COPY}, the id of the source it copies; for a {@link
 *     MemberRole#DISCUSSION}, the id of the source it discusses when known; else null
 */
public record StoryMember(StoryItem item, MemberRole role, String copyOf) {
  public StoryMember {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(role, "role");
    if (role == MemberRole.COPY && copyOf == null) {
      throw new IllegalArgumentException("a copy names the source it copies: " + item.id());
    }
    if (role == MemberRole.SOURCE && copyOf != null) {
      throw new IllegalArgumentException("a source copies nothing: " + item.id());
    }
  }
}
