package io.themewire.digest.story;

/** What part an item plays in its story. */
public enum MemberRole {
  /** An independent report: its own text. */
  SOURCE,
  /** A syndicated or near-identical copy of a {@link #SOURCE} ("also published at"). */
  COPY,
  /** A discussion thread about one of the story's sources. */
  DISCUSSION
}
