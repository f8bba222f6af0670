package io.themewire.digest.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Items that report one development: independent sources, their copies, and discussions of them.
 *
 * @param id deterministic id derived from the member ids ({@link #idOf}); the same members always
 *     give the same id
 * @param headline the title of the most central source
 * @param members every member, sources first, then copies, then discussions; never empty
 * @param reason why the members are together, in words a reader can check (shared names, title
 *     similarity, days apart, copies), e.g. {@code "shared names: Acme, Berlin; cosine 0.62; 2 days
 *     apart"}
 */
public record Story(String id, String headline, List<StoryMember> members, String reason) {

  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a story has at least one member");
    }
    headline = headline == null ? "" : headline;
  }

  /** The independent sources (role {@link MemberRole#SOURCE}), most central first. */
  public List<StoryMember> sources() {
    return members.stream().filter(m -> m.role() == MemberRole.SOURCE).toList();
  }

  /** Members of one role, in story order. */
  public List<StoryMember> members(MemberRole role) {
    return members.stream().filter(m -> m.role() == role).toList();
  }

  /** The story id for a set of member ids: {@code s-} and 16 hex digits of their sorted digest. */
  public static String idOf(Collection<String> memberIds) {
    List<String> sorted = memberIds.stream().sorted().toList();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String id : sorted) {
        sha.update(id.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return "s-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
